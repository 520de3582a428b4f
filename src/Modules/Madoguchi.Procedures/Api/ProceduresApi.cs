using System.Globalization;
using Madoguchi.Platform.Caching;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Http;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.Contracts;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Api;

/// <summary>
/// The public procedure guide as JSON, for other sites and apps. No key needed; rate-limited.
/// Texts follow <c>Accept-Language</c> (Japanese unless English is asked for).
/// </summary>
public static class ProceduresApi
{
    public sealed record ProcedureListItem(string Slug, string Title, string Summary, string Department, bool Online, int? Fee);

    public sealed record DepartmentRef(string Code, string Name);

    public sealed record ProcedureDetail(
        string Slug, string Kind, string Title, string Summary, string Audience, DepartmentRef Department,
        IReadOnlyList<string> WhatToBring, int? Fee, string FeeNote, int? StandardProcessingDays,
        bool Online, bool Counter, bool Post, IReadOnlyList<string> Related, IReadOnlyList<string> LifeEvents, ProcedureFormInfo? Form);

    public sealed record LifeEventQuestionDto(string Key, string Text, string Hint);

    public sealed record LifeEventDto(string Slug, string Title, string Description, IReadOnlyList<LifeEventQuestionDto> Questions);

    public sealed record ChecklistItemDto(string Slug, string Title, string Note, bool Online, string Url);

    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimitPolicies.PublicApi).WithTags("Procedures").AllowAnonymous();
        api.MapGet("/procedures", ListProcedures).WithName("ListProcedures")
            .WithSummary("Published procedures (手続き), optionally filtered by a search query q.");
        api.MapGet("/procedures/{slug}", GetProcedure).WithName("GetProcedure")
            .WithSummary("One procedure as the guide (手続きガイド) shows it, with its current online form (version, apply, schema and submissions URLs) when it has one.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/life-events", ListLifeEvents).WithName("ListLifeEvents")
            .WithSummary("Life events (ライフイベント) with the questions that personalise their checklist.");
        api.MapGet("/life-events/{slug}/checklist", GetChecklist).WithName("GetLifeEventChecklist")
            .WithSummary("The procedures that apply, given the keys of the questions answered yes (yes=key1,key2).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static readonly Type[] CatalogueDependsOn = [typeof(Procedure), typeof(Department)];

    /// <summary>The published procedures and the departments' names: the same for every caller, read from the short-lived cache.</summary>
    private sealed record Catalogue(IReadOnlyList<Procedure> Procedures, IReadOnlyDictionary<Guid, Department> Departments);

    private static async Task<Ok<List<ProcedureListItem>>> ListProcedures(string? q, MadoguchiDb db, ReadCache cache, CancellationToken cancellationToken)
    {
        var english = English;
        var catalogue = await cache.GetOrLoadAsync(db.CurrentOrganizationId, "published", CatalogueDependsOn, async () => new Catalogue(
            await db.Set<Procedure>().AsNoTracking().Where(p => p.IsPublished).ToListAsync(cancellationToken),
            await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken)));
        return TypedResults.Ok(ProcedureSearch.Search(catalogue!.Procedures, q, english)
            .Select(p => new ProcedureListItem(p.Slug, p.Title(english), p.Summary(english),
                catalogue.Departments.GetValueOrDefault(p.ResponsibleDepartmentId) is { } d ? (english ? d.NameEn : d.NameJa) : "", p.IsOnline, p.FeeYen))
            .ToList());
    }

    private static async Task<Results<Ok<ProcedureDetail>, ProblemHttpResult>> GetProcedure(string slug, MadoguchiDb db, IEnumerable<IProcedureForms> forms, CancellationToken cancellationToken)
    {
        var english = English;
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        var departments = await DepartmentNamesAsync(db, english, cancellationToken);
        var lifeEvents = await db.Set<LifeEvent>().AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProcedureDetail(
            procedure.Slug, procedure.Kind.ToString(), procedure.Title(english), procedure.Summary(english), procedure.Audience(english),
            departments.GetValueOrDefault(procedure.ResponsibleDepartmentId) ?? new DepartmentRef("", ""),
            procedure.WhatToBring(english), procedure.FeeYen, procedure.FeeNote(english), procedure.StandardProcessingDays,
            procedure.IsOnline, procedure.Channels.HasFlag(ProcedureChannels.Counter), procedure.Channels.HasFlag(ProcedureChannels.Post),
            [.. procedure.Related], [.. lifeEvents.Where(e => e.Items.Any(i => i.ProcedureSlug == slug)).OrderBy(e => e.SortOrder).Select(e => e.Slug)],
            forms.FirstOrDefault() is { } source && procedure.IsOnline ? await source.CurrentAsync(procedure.Id, procedure.Slug, cancellationToken) : null));
    }

    private static async Task<Ok<List<LifeEventDto>>> ListLifeEvents(MadoguchiDb db, CancellationToken cancellationToken)
    {
        var english = English;
        var events = await db.Set<LifeEvent>().AsNoTracking().OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(e => new LifeEventDto(e.Slug, e.Title(english), e.Description(english),
            [.. e.Questions.Select(q => new LifeEventQuestionDto(q.Key, q.Text(english), q.Hint(english)))])).ToList());
    }

    private static async Task<Results<Ok<List<ChecklistItemDto>>, ProblemHttpResult>> GetChecklist(string slug, string? yes, MadoguchiDb db, CancellationToken cancellationToken)
    {
        var english = English;
        var lifeEvent = await db.Set<LifeEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (lifeEvent is null)
        {
            return NotFound();
        }

        var answers = (yes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var procedures = await db.Set<Procedure>().AsNoTracking().Where(p => p.IsPublished).ToDictionaryAsync(p => p.Slug, cancellationToken);
        return TypedResults.Ok(lifeEvent.ChecklistFor(answers)
            .Where(i => procedures.ContainsKey(i.ProcedureSlug))
            .Select(i => procedures[i.ProcedureSlug] is var p
                ? new ChecklistItemDto(p.Slug, p.Title(english), i.Note(english), p.IsOnline, $"/procedures/{p.Slug}")
                : null!)
            .ToList());
    }

    private static ProblemHttpResult NotFound() => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "見つかりません / Not found",
        detail: "その名前の手続きやライフイベントはありません。一覧（/api/v1/procedures、/api/v1/life-events）から選んでください。 There is no procedure or life event by that name; pick one from /api/v1/procedures or /api/v1/life-events.");

    private static async Task<Dictionary<Guid, DepartmentRef>> DepartmentNamesAsync(MadoguchiDb db, bool english, CancellationToken cancellationToken) =>
        await db.Set<Department>().AsNoTracking()
            .ToDictionaryAsync(d => d.Id, d => new DepartmentRef(d.Code, english ? d.NameEn : d.NameJa), cancellationToken);
}
