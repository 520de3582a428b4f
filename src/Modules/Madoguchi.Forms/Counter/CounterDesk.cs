using System.Security.Claims;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Procedures.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Forms.Counter;

/// <summary>A counter draft with its procedure and the form version it was started on.</summary>
public sealed record CounterContext(ProcedureInfo Procedure, PublishedForm Form, Draft Draft)
{
    public FormDefinition Definition => Form.Definition;
}

/// <summary>
/// 書かない窓口 (ADR 0054): staff fill a procedure's online form with the citizen at the counter.
/// The same form engine, renderer, draft and submission service as the citizen journey; what
/// differs is who holds the draft (the staff member, by the draft's id in a staff-only URL instead
/// of a citizen's cookie), the prefill from a 来庁予約 (through <see cref="ICounterVisits"/>), and the
/// submission's channel (<see cref="Submissions.SubmissionChannel.Counter"/>) with the staff member
/// recorded. Who may: staff who belong to the procedure's 担当課, and system admins.
/// </summary>
public sealed class CounterDesk(MadoguchiDb db, IProcedureCatalog catalog, FormVersions versions, ICurrentActor actor, TimeProvider clock, IServiceProvider services)
{
    /// <summary>The departments whose procedures this staff member may enter at the counter (all for system admins).</summary>
    public static async Task<DepartmentScope> ScopeAsync(MadoguchiDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!user.IsInRole(StaffRoles.Staff) && !user.IsInRole(StaffRoles.SystemAdmin))
        {
            return DepartmentScope.None;
        }

        if (user.IsInRole(StaffRoles.SystemAdmin))
        {
            return new DepartmentScope(true, new HashSet<Guid>());
        }

        // Membership, not DepartmentScope.ForAsync: the IT policy division sees figures, it does not take applications.
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return DepartmentScope.None;
        }

        var departments = await db.DepartmentMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.DepartmentId).ToListAsync(cancellationToken);
        return new DepartmentScope(false, departments.ToHashSet());
    }

    public static Guid UserId(ClaimsPrincipal user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    /// <summary>The procedures with a published form this staff member may enter, by title.</summary>
    public async Task<IReadOnlyList<ProcedureInfo>> ProceduresAsync(DepartmentScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var procedures = (await catalog.ListAsync(cancellationToken)).Where(p => scope.Allows(p.ResponsibleDepartmentId)).ToList();
        var ids = procedures.Select(p => p.Id).ToList();
        var published = await db.Set<FormVersion>().AsNoTracking()
            .Where(v => ids.Contains(v.ProcedureId) && v.Status == FormVersionStatus.Published)
            .Select(v => v.ProcedureId).Distinct().ToListAsync(cancellationToken);
        return [.. procedures.Where(p => published.Contains(p.Id))];
    }

    public ICounterVisits? Visits => services.GetService<ICounterVisits>();

    /// <summary>Starts a counter draft on the current form version, prefilled from the visit booking when one is given.</summary>
    public async Task<Draft?> StartAsync(string slug, Guid? visitId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var scope = await ScopeAsync(db, user, cancellationToken);
        var procedure = await catalog.FindAsync(slug, cancellationToken);
        if (procedure is null || !scope.Allows(procedure.ResponsibleDepartmentId))
        {
            return null;
        }

        var form = await versions.CurrentAsync(procedure.Id, cancellationToken);
        if (form is null)
        {
            return null;
        }

        var answers = new JsonObject();
        CounterVisit? visit = null;
        if (visitId is { } id && Visits is { } visits)
        {
            visit = await visits.FindAsync(id, cancellationToken);
            if (visit is null || visit.ProcedureSlug != slug || !scope.Allows(visit.DepartmentId))
            {
                return null;
            }

            answers = Prefill(form.Definition, visit.Known);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new Draft
        {
            Id = Guid.NewGuid(),
            ProcedureId = procedure.Id,
            ProcedureSlug = procedure.Slug,
            FormVersionId = form.Id,
            // No citizen holds this draft: the token is random and never handed out.
            TokenHash = DraftStore.Hash(DraftStore.NewToken()),
            CreatedAt = now,
            CounterStaffId = UserId(user),
            Email = visit?.Known.GetValueOrDefault("email"),
        };
        draft.SaveAnswers(answers, now);
        db.Add(draft);
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "counter.started", nameof(Draft), draft.Id.ToString(),
            visit is null ? $"procedure {procedure.Slug}" : $"procedure {procedure.Slug}; prefilled from visit {visit.Reference}", now));
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>A counter draft the user may work on (any staff member of the procedure's department, not only who started it: counters change hands).</summary>
    public async Task<CounterContext?> LoadAsync(Guid draftId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.Set<Draft>().FirstOrDefaultAsync(d => d.Id == draftId && d.CounterStaffId != null && d.ExpiresAt > now, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var procedure = await catalog.FindAsync(draft.ProcedureSlug, cancellationToken);
        var scope = await ScopeAsync(db, user, cancellationToken);
        if (procedure is null || !scope.Allows(procedure.ResponsibleDepartmentId))
        {
            return null;
        }

        var form = await versions.GetAsync(draft.FormVersionId, cancellationToken);
        return form is null ? null : new CounterContext(procedure, form, draft);
    }

    /// <summary>
    /// Maps what the city already knows onto the form: every top-level field whose <c>prefill</c>
    /// names a known meaning gets that value (a 氏名 field gets family and given name split at the
    /// first space). Staff correct anything with the citizen on the next pages.
    /// </summary>
    public static JsonObject Prefill(FormDefinition definition, IReadOnlyDictionary<string, string> known)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(known);
        var answers = new JsonObject();
        foreach (var field in definition.AllFields())
        {
            if (field.Prefill is not { } meaning || !known.TryGetValue(meaning, out var value) || string.IsNullOrWhiteSpace(value) || answers.ContainsKey(field.Id))
            {
                continue;
            }

            switch (field.Type)
            {
                case FieldType.JapaneseName:
                    var parts = value.Trim().Split([' ', '\u3000'], 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    answers[field.Id] = parts.Length == 2 ? new JsonObject { ["family"] = parts[0], ["given"] = parts[1] } : new JsonObject { ["family"] = parts[0] };
                    break;
                case FieldType.Text or FieldType.Email or FieldType.Phone or FieldType.LongText:
                    answers[field.Id] = value.Trim();
                    break;
            }
        }

        return answers;
    }
}
