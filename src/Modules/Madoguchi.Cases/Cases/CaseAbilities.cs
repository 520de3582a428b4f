using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Identity;

namespace Madoguchi.Cases.Cases;

/// <summary>
/// What this person may do to this case now: the transition table's actions for the status, narrowed
/// by the same role and approval-route rules <see cref="CaseService.TakeAsync"/> applies. The staff page
/// shows a button only for these; the service still decides (a stale page cannot slip past it).
/// </summary>
public sealed record CaseAbilities(IReadOnlyList<CaseAction> Actions, IReadOnlyList<string> DeputyRoles)
{
    public bool Can(CaseAction action) => Actions.Contains(action);

    public static CaseAbilities For(Case @case, CaseActor actor, IReadOnlyCollection<CaseDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(decisions);
        var steps = ApprovalRoute.Parse(@case.RouteJson);
        var round = decisions.Where(d => d.Round == @case.RouteRound).ToList();
        var approver = actor.UserId is { } uid ? new Approver(uid, actor.Name, actor.Title, actor.Roles) : null;
        var isStaff = actor.Roles.Contains(StaffRoles.Staff);
        var mayDecide = actor.Roles.Contains(StaffRoles.Approver) || actor.Roles.Contains(StaffRoles.DepartmentAdmin);
        var actions = new List<CaseAction>();
        var deputyRoles = new List<string>();
        foreach (var action in TransitionTable.AllowedIn(@case.Status))
        {
            var may = action switch
            {
                CaseAction.Approve => approver is not null && !ApprovalRoute.IsApproved(@case, steps)
                    && ApprovalRoute.CheckApprove(@case, steps, round, approver, null, out _) == RouteRefusal.None,
                CaseAction.SendBack => approver is not null
                    && (steps.Count > @case.RouteStep && steps[@case.RouteStep].Roles.Any(actor.Roles.Contains) || mayDecide),
                CaseAction.Withdraw => ApprovalRoute.CheckWithdraw(@case, round, actor.UserId) == RouteRefusal.None,
                CaseAction.Complete => isStaff && ApprovalRoute.IsApproved(@case, steps),
                _ => isStaff,
            };
            if (may)
            {
                actions.Add(action);
            }
        }

        // 代決: for a role still waiting at this step that this person does not hold (else they simply approve),
        // by someone who may approve and has not approved on this route.
        if (approver is not null && @case.Status == CaseStatus.InApproval && !ApprovalRoute.IsApproved(@case, steps))
        {
            deputyRoles.AddRange(ApprovalRoute.PendingRoles(@case, steps, round)
                .Where(role => !actor.Roles.Contains(role) && ApprovalRoute.CheckApprove(@case, steps, round, approver, role, out _) == RouteRefusal.None));
        }

        return new CaseAbilities(actions, deputyRoles);
    }
}
