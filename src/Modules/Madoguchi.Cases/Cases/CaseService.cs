using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Cases;

public enum ActionResultKind
{
    Done,
    NotFound,

    /// <summary>Not in the transition table for the current status (409, with the allowed actions).</summary>
    NotAllowed,

    /// <summary>This person may not take this action (403).</summary>
    Forbidden,

    /// <summary>The case changed since the client read it (412 with a version, 409 when the write lost the race).</summary>
    StaleVersion,
    Conflict,

    /// <summary>The request misses something (a reason for 差戻し…): 422.</summary>
    Invalid,
}

public sealed record ActionResult(ActionResultKind Kind, Case? Case, IReadOnlyList<CaseAction> Allowed, string MessageJa = "", string MessageEn = "");

/// <summary>A request to act on a case.</summary>
public sealed record CaseActionRequest(CaseAction Action, string? Comment, int? ExpectedVersion = null, string? DeputyFor = null, bool ToPreviousStep = false);

/// <summary>
/// Takes actions on cases through the <see cref="TransitionTable"/> and the <see cref="ApprovalRoute"/>
/// rules, with optimistic concurrency, history and an audit entry for every change.
/// </summary>
public sealed class CaseService(MadoguchiDb db, ICurrentActor auditActor, TimeProvider clock, Notifications.CaseNotifier notifier)
{
    private static readonly CaseAction[] StaffActions = [CaseAction.Accept, CaseAction.RequestCorrection, CaseAction.SubmitForApproval, CaseAction.Reject, CaseAction.Complete, CaseAction.WithdrawApplication];

    public static DateOnly TodayInJapan(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9));

    /// <summary>The case if <paramref name="actor"/> may see it (else null, as if it did not exist).</summary>
    public async Task<Case?> FindAsync(Guid id, CaseActor actor, CancellationToken cancellationToken)
    {
        var found = await db.Set<Case>().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return found is not null && actor.Sees(found.DepartmentId) ? found : null;
    }

    /// <summary>Writes "this person opened this case" to the audit chain (a case shows personal data).</summary>
    public async Task RecordReadAsync(Case @case, string via, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Create(auditActor.Actor, "case.personal_data_read", nameof(Case), @case.Id.ToString(), via, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes "this person exported these cases" (受付一覧のCSV: personal data) to the audit chain, with the filters and the row count.</summary>
    public async Task RecordExportAsync(int count, string via, string filters, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(AuditEntry.Create(auditActor.Actor, "case.personal_data_export", nameof(Case), "export", $"{via}: {count} cases; {filters}", clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ActionResult> TakeAsync(Guid id, CaseActor actor, CaseActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var @case = await FindAsync(id, actor, cancellationToken);
        if (@case is null)
        {
            return new(ActionResultKind.NotFound, null, []);
        }

        var allowed = TransitionTable.AllowedIn(@case.Status);
        if (request.ExpectedVersion is { } expected && expected != @case.Version)
        {
            return new(ActionResultKind.StaleVersion, @case, allowed, "この案件は他の職員が更新しました。開き直して最新の状態を確かめてください。", "Someone else changed this case. Reload it and check its current state.");
        }

        if (!TransitionTable.TryGet(request.Action, @case.Status, out var to))
        {
            return new(ActionResultKind.NotAllowed, @case, allowed,
                $"「{TransitionTable.Label(@case.Status, false)}」の案件にはこの操作はできません。できる操作: {string.Join("・", allowed.Select(TransitionTable.WireName))}",
                $"This action is not possible while the case is {TransitionTable.Label(@case.Status, true).ToLowerInvariant()}. Allowed: {string.Join(", ", allowed.Select(TransitionTable.WireName))}");
        }

        if (StaffActions.Contains(request.Action) && !actor.Roles.Contains(StaffRoles.Staff))
        {
            return new(ActionResultKind.Forbidden, @case, allowed, "この操作は担当課の職員だけができます。", "Only staff of the department can take this action.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = @case.Status;
        var steps = ApprovalRoute.Parse(@case.RouteJson);
        var decisions = await db.Set<CaseDecision>().Where(d => d.CaseId == @case.Id && d.Round == @case.RouteRound).ToListAsync(cancellationToken);
        var approver = actor.UserId is { } uid ? new Approver(uid, actor.Name, actor.Title, actor.Roles) : null;
        var action = TransitionTable.WireName(request.Action);
        switch (request.Action)
        {
            case CaseAction.Approve:
                if (approver is null)
                {
                    return Refuse(ActionResultKind.Forbidden, @case, allowed, RouteRefusal.NotAnApproverOfThisStep);
                }

                if (ApprovalRoute.IsApproved(@case, steps))
                {
                    return new(ActionResultKind.NotAllowed, @case, allowed, "すべての段階が承認済みです。完了にしてください。", "Every step is approved: complete the case.");
                }

                var refusal = ApprovalRoute.CheckApprove(@case, steps, decisions, approver, request.DeputyFor, out var role);
                if (refusal != RouteRefusal.None)
                {
                    return Refuse(ActionResultKind.Forbidden, @case, allowed, refusal);
                }

                var decision = ApprovalRoute.Approve(@case, steps, decisions, approver, role, request.DeputyFor, request.Comment, now);
                db.Add(decision);
                if (decision.DeputyFor is not null)
                {
                    action = "approve-as-deputy";
                }

                break;
            case CaseAction.SendBack:
                if (approver is null || !(steps.Count > @case.RouteStep && steps[@case.RouteStep].Roles.Any(actor.Roles.Contains)
                    || actor.Roles.Contains(StaffRoles.Approver) || actor.Roles.Contains(StaffRoles.DepartmentAdmin)))
                {
                    return Refuse(ActionResultKind.Forbidden, @case, allowed, RouteRefusal.NotAnApproverOfThisStep);
                }

                if (string.IsNullOrWhiteSpace(request.Comment))
                {
                    return Refuse(ActionResultKind.Invalid, @case, allowed, RouteRefusal.ReasonRequired);
                }

                var before = decisions.Count;
                var toDrafter = ApprovalRoute.SendBack(@case, decisions, approver, request.ToPreviousStep, request.Comment, now);
                foreach (var added in decisions.Skip(before))
                {
                    db.Add(added);
                }

                if (!toDrafter)
                {
                    to = CaseStatus.InApproval;
                }

                break;
            case CaseAction.Withdraw:
                var withdraw = ApprovalRoute.CheckWithdraw(@case, decisions, actor.UserId);
                if (withdraw != RouteRefusal.None)
                {
                    return Refuse(ActionResultKind.Forbidden, @case, allowed, withdraw);
                }

                ApprovalRoute.Withdraw(@case, decisions);
                break;
            case CaseAction.SubmitForApproval:
                ApprovalRoute.Start(@case, actor.UserId);
                break;
            case CaseAction.Complete:
                if (!ApprovalRoute.IsApproved(@case, steps))
                {
                    return Refuse(ActionResultKind.NotAllowed, @case, allowed, RouteRefusal.RouteNotApproved);
                }

                break;
            case CaseAction.Accept:
                if (@case.AssigneeId is null && actor.UserId is not null)
                {
                    @case.AssigneeId = actor.UserId;
                    @case.AssigneeName = actor.Name;
                }

                break;
        }

        @case.Status = to;
        @case.UpdatedAt = now;
        @case.Version++;
        db.Add(new CaseEvent
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            At = now,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Action = action,
            FromStatus = from,
            ToStatus = to,
            Comment = request.Comment,
        });
        db.AuditEntries.Add(AuditEntry.Create(auditActor.Actor, "case." + action, nameof(Case), @case.Id.ToString(), $"{TransitionTable.WireName(from)}->{TransitionTable.WireName(to)}", now));
        await notifier.OnTransitionAsync(@case, from, to, request.Action, request.Comment, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ActionResultKind.Conflict, null, allowed, "同時に他の職員がこの案件を更新しました。開き直して最新の状態を確かめてから、もう一度操作してください。", "Someone else changed this case at the same moment. Reload it, check its current state and try again.");
        }

        return new(ActionResultKind.Done, @case, TransitionTable.AllowedIn(@case.Status));
    }

    /// <summary>Assigns the case to a staff member of its department (担当者).</summary>
    public async Task<ActionResult> AssignAsync(Guid id, CaseActor actor, Guid assigneeId, CancellationToken cancellationToken)
    {
        var @case = await FindAsync(id, actor, cancellationToken);
        if (@case is null)
        {
            return new(ActionResultKind.NotFound, null, []);
        }

        var member = await db.DepartmentMemberships.AsNoTracking().AnyAsync(m => m.UserId == assigneeId && m.DepartmentId == @case.DepartmentId, cancellationToken);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == assigneeId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        if (!member || name is null)
        {
            return new(ActionResultKind.Invalid, @case, TransitionTable.AllowedIn(@case.Status), "担当者は担当課の職員から選んでください。", "Choose the assignee from the department's staff.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        @case.AssigneeId = assigneeId;
        @case.AssigneeName = name;
        @case.UpdatedAt = now;
        @case.Version++;
        db.Add(new CaseEvent { Id = Guid.NewGuid(), OrganizationId = @case.OrganizationId, CaseId = @case.Id, At = now, ActorId = actor.UserId, ActorName = actor.Name, Action = "assign", FromStatus = @case.Status, ToStatus = @case.Status, Comment = name });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(ActionResultKind.Conflict, null, [], "同時に他の職員がこの案件を更新しました。開き直してください。", "Someone else changed this case at the same moment. Reload it.");
        }

        return new(ActionResultKind.Done, @case, TransitionTable.AllowedIn(@case.Status));
    }

    /// <summary>Adds an internal note (内部メモ). Notes do not change the case's version.</summary>
    public async Task<CaseNote?> AddNoteAsync(Guid id, CaseActor actor, string text, CancellationToken cancellationToken)
    {
        var @case = await FindAsync(id, actor, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        var note = new CaseNote { Id = Guid.NewGuid(), OrganizationId = @case.OrganizationId, CaseId = @case.Id, At = clock.GetUtcNow().UtcDateTime, AuthorId = actor.UserId, AuthorName = actor.Name, Text = text.Trim() };
        db.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    private static ActionResult Refuse(ActionResultKind kind, Case @case, IReadOnlyList<CaseAction> allowed, RouteRefusal refusal)
    {
        var (ja, en) = ApprovalRoute.Text(refusal);
        return new(kind, @case, allowed, ja, en);
    }
}
