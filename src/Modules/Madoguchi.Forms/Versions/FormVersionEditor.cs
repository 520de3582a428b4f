using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Madoguchi.Forms.Definitions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Versions;

/// <summary>A problem with a definition a staff member typed, in Japanese and English.</summary>
public sealed record DefinitionProblem(string Ja, string En)
{
    public string Text(bool english) => english ? En : Ja;
}

/// <summary>
/// Staff editing of form versions (フォームの版管理): a new version starts as a copy of the latest,
/// is edited as JSON with checks and a preview, and is published by an approver or department
/// administrator of the responsible department. Published versions never change. Every change is
/// audited by the platform (FormVersion rows are audited tenant rows).
/// </summary>
public sealed class FormVersionEditor(MadoguchiDb db, TimeProvider clock)
{
    public static bool CanEdit(DepartmentScope scope, ProcedureInfo procedure) =>
        scope is not null && procedure is not null && scope.Allows(procedure.ResponsibleDepartmentId);

    public static bool CanPublish(DepartmentScope scope, ClaimsPrincipal user, ProcedureInfo procedure) =>
        CanEdit(scope, procedure) && user is not null
        && (user.IsInRole(StaffRoles.SystemAdmin) || user.IsInRole(StaffRoles.Approver) || user.IsInRole(StaffRoles.DepartmentAdmin));

    public async Task<IReadOnlyList<FormVersion>> VersionsAsync(Guid procedureId, CancellationToken cancellationToken) =>
        await db.Set<FormVersion>().AsNoTracking().Where(v => v.ProcedureId == procedureId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    public Task<FormVersion?> FindAsync(Guid procedureId, int number, CancellationToken cancellationToken) =>
        db.Set<FormVersion>().FirstOrDefaultAsync(v => v.ProcedureId == procedureId && v.Number == number, cancellationToken);

    /// <summary>The open draft version, or a new one copied from the latest version (or a one-step skeleton).</summary>
    public async Task<FormVersion> DraftAsync(Guid procedureId, CancellationToken cancellationToken)
    {
        var versions = await db.Set<FormVersion>().Where(v => v.ProcedureId == procedureId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Status == FormVersionStatus.Draft) is { } open)
        {
            return open;
        }

        var definition = versions.FirstOrDefault()?.Definition() ?? new FormDefinition
        {
            Steps =
            [
                new FormStep
                {
                    Id = "applicant",
                    Title = new LocalizedText("申請者", "Applicant"),
                    Fields = [new FormField { Id = "applicantName", Type = FieldType.JapaneseName, Label = new LocalizedText("氏名", "Name"), Required = true, Prefill = "name" }],
                },
            ],
        };
        var draft = FormVersion.CreateDraft(procedureId, (versions.FirstOrDefault()?.Number ?? 0) + 1, definition, clock.GetUtcNow().UtcDateTime);
        db.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Parses and checks a definition; the problems say where and what to fix.</summary>
    public static (FormDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems) Check(string json)
    {
        FormDefinition? definition;
        try
        {
            definition = FormDefinition.Parse(json);
        }
        catch (JsonException exception)
        {
            var line = (exception.LineNumber ?? 0) + 1;
            var column = (exception.BytePositionInLine ?? 0) + 1;
            return (null, [new DefinitionProblem(
                string.Create(CultureInfo.InvariantCulture, $"JSON を読めません（{line}行目 {column}文字目付近）。括弧、引用符、カンマ、項目名を確かめてください。"),
                string.Create(CultureInfo.InvariantCulture, $"The JSON cannot be read (near line {line}, column {column}). Check brackets, quotes, commas and property names."))]);
        }
        catch (ArgumentException)
        {
            // Text that is not valid UTF-16 (a lone surrogate) cannot become JSON (found by FormDefinitionProperties).
            return (null, [new DefinitionProblem(
                "JSON に読めない文字が含まれています。貼り付けた文字を確かめ、入力し直してください。",
                "The JSON holds a character that cannot be read. Check the pasted text and type it again.")]);
        }

        if (definition.Steps is null || definition.Steps.Count == 0)
        {
            return (null, [new DefinitionProblem("ステップが1つもありません。steps に1つ以上のステップを書いてください。", "There are no steps. Add at least one step under steps.")]);
        }

        var problems = Engine.FormDefinitionChecker.Check(definition)
            .Select(p => new DefinitionProblem(string.IsNullOrEmpty(p.Path) ? p.MessageJa : $"{p.Path}: {p.MessageJa}", string.IsNullOrEmpty(p.Path) ? p.MessageEn : $"{p.Path}: {p.MessageEn}"))
            .ToList();
        foreach (var reserved in definition.Steps.Where(s => s?.Id is "check" or "save" or "done" or "timed-out" or "keepalive" or "resume"))
        {
            problems.Add(new DefinitionProblem($"ステップID「{reserved.Id}」は画面のアドレスに使われているため使えません。別のIDにしてください。", $"The step id \"{reserved.Id}\" is reserved for the journey's pages; choose another id."));
        }

        return (problems.Count == 0 ? definition : null, problems);
    }
}
