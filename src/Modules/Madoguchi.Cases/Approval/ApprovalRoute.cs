using System.Text.Json;
using Madoguchi.Cases.Cases;
using Madoguchi.Platform.Identity;

namespace Madoguchi.Cases.Approval;

/// <summary>
/// One step of a 決裁ルート: serial (one role) or parallel (合議: every listed role must approve).
/// Roles are staff roles within the case's department (e.g. <c>Approver</c>, <c>DepartmentAdmin</c>).
/// </summary>
public sealed record RouteStep(IReadOnlyList<string> Roles, string NameJa = "", string NameEn = "")
{
    public bool IsParallel => Roles.Count > 1;
}

/// <summary>Who is acting on a route: their id, name, 職名 and roles.</summary>
public sealed record Approver(Guid UserId, string Name, string? Title, IReadOnlySet<string> Roles);

public enum RouteRefusal
{
    None = 0,

    /// <summary>The person holds none of the roles still waiting at this step.</summary>
    NotAnApproverOfThisStep,

    /// <summary>The same person cannot approve twice on one route.</summary>
    AlreadyApproved,

    /// <summary>代決 only for a role still waiting at this step, by someone who may approve (Approver or DepartmentAdmin).</summary>
    InvalidDeputy,

    /// <summary>引戻し only by the drafter.</summary>
    NotTheDrafter,

    /// <summary>引戻し only before the next approval.</summary>
    AlreadyDecided,

    /// <summary>差戻し needs a reason.</summary>
    ReasonRequired,

    /// <summary>Complete needs every step approved.</summary>
    RouteNotApproved,
}

/// <summary>
/// The rules of an approval route over a case's decisions (ADR 0051). Pure: it reads and adds
/// <see cref="CaseDecision"/> rows and moves <see cref="Case.RouteStep"/>; the caller saves.
/// </summary>
public static class ApprovalRoute
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>When a procedure has no route: one serial step, the department's approver (課長).</summary>
    public static readonly IReadOnlyList<RouteStep> Default = [new RouteStep([StaffRoles.Approver], "課長決裁", "Head of section")];

    public static IReadOnlyList<RouteStep> Parse(string? json)
    {
        var steps = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<List<RouteStep>>(json, Json);
        return steps is { Count: > 0 } ? steps : Default;
    }

    public static string Serialize(IReadOnlyList<RouteStep> steps) => JsonSerializer.Serialize(steps, Json);

    public static bool IsApproved(Case @case, IReadOnlyList<RouteStep> steps) => @case.RouteStep >= steps.Count;

    /// <summary>Decisions that count now: this round's, not voided.</summary>
    public static IEnumerable<CaseDecision> Active(Case @case, IEnumerable<CaseDecision> decisions) =>
        decisions.Where(d => d.CaseId == @case.Id && d.Round == @case.RouteRound && !d.Voided);

    /// <summary>The roles of the current step that still have to approve.</summary>
    public static IReadOnlyList<string> PendingRoles(Case @case, IReadOnlyList<RouteStep> steps, IEnumerable<CaseDecision> decisions)
    {
        if (IsApproved(@case, steps))
        {
            return [];
        }

        var approved = Active(@case, decisions).Where(d => d.Step == @case.RouteStep && d.Kind == DecisionKind.Approved).Select(d => d.Role).ToHashSet();
        return [.. steps[@case.RouteStep].Roles.Where(r => !approved.Contains(r))];
    }

    /// <summary>Starts a new round at the first step, drafted by <paramref name="drafter"/>.</summary>
    public static void Start(Case @case, Guid? drafter)
    {
        ArgumentNullException.ThrowIfNull(@case);
        @case.RouteRound++;
        @case.RouteStep = 0;
        @case.DrafterId = drafter;
    }

    /// <summary>Which role <paramref name="who"/> would approve in (or as deputy for), or why not.</summary>
    public static RouteRefusal CheckApprove(Case @case, IReadOnlyList<RouteStep> steps, IReadOnlyCollection<CaseDecision> decisions, Approver who, string? deputyFor, out string role)
    {
        ArgumentNullException.ThrowIfNull(who);
        role = "";
        var pending = PendingRoles(@case, steps, decisions);
        if (Active(@case, decisions).Any(d => d.Kind == DecisionKind.Approved && d.UserId == who.UserId))
        {
            return RouteRefusal.AlreadyApproved;
        }

        if (!string.IsNullOrWhiteSpace(deputyFor))
        {
            // 代決: for an absent approver of a waiting role, by someone who may approve in the department.
            if (!pending.Contains(deputyFor) || !(who.Roles.Contains(StaffRoles.Approver) || who.Roles.Contains(StaffRoles.DepartmentAdmin)))
            {
                return RouteRefusal.InvalidDeputy;
            }

            role = deputyFor;
            return RouteRefusal.None;
        }

        var mine = pending.FirstOrDefault(who.Roles.Contains);
        if (mine is null)
        {
            return RouteRefusal.NotAnApproverOfThisStep;
        }

        role = mine;
        return RouteRefusal.None;
    }

    /// <summary>承認・代決: records the decision and moves to the next step once the current one is complete.</summary>
    public static CaseDecision Approve(Case @case, IReadOnlyList<RouteStep> steps, ICollection<CaseDecision> decisions, Approver who, string role, string? deputyFor, string? comment, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(who);
        var decision = new CaseDecision
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            Round = @case.RouteRound,
            Step = @case.RouteStep,
            Kind = DecisionKind.Approved,
            Role = role,
            UserId = who.UserId,
            UserName = who.Name,
            Title = who.Title,
            DeputyFor = string.IsNullOrWhiteSpace(deputyFor) ? null : deputyFor,
            At = now,
            Comment = comment,
        };
        decisions.Add(decision);
        if (PendingRoles(@case, steps, decisions).Count == 0)
        {
            @case.RouteStep++;
        }

        return decision;
    }

    /// <summary>
    /// 差戻し: to the previous step (its approvals and this step's are voided, the case stays 決裁中) or to
    /// the drafter (every approval of the round is voided). Returns true when it went to the drafter.
    /// </summary>
    public static bool SendBack(Case @case, ICollection<CaseDecision> decisions, Approver who, bool toPreviousStep, string reason, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(who);
        var toDrafter = !toPreviousStep || @case.RouteStep == 0;
        var from = toDrafter ? 0 : @case.RouteStep - 1;
        foreach (var decision in Active(@case, decisions).Where(d => d.Step >= from).ToList())
        {
            decision.Voided = true;
        }

        decisions.Add(new CaseDecision
        {
            Id = Guid.NewGuid(),
            OrganizationId = @case.OrganizationId,
            CaseId = @case.Id,
            Round = @case.RouteRound,
            Step = @case.RouteStep,
            Kind = DecisionKind.SentBack,
            Role = "",
            UserId = who.UserId,
            UserName = who.Name,
            Title = who.Title,
            At = now,
            Comment = reason,
            Voided = true,
        });
        @case.RouteStep = from;
        return toDrafter;
    }

    /// <summary>引戻し: only the drafter, and only while the current step has no approval yet.</summary>
    public static RouteRefusal CheckWithdraw(Case @case, IReadOnlyCollection<CaseDecision> decisions, Guid? who)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.DrafterId is null || @case.DrafterId != who)
        {
            return RouteRefusal.NotTheDrafter;
        }

        return Active(@case, decisions).Any(d => d.Step == @case.RouteStep && d.Kind == DecisionKind.Approved)
            ? RouteRefusal.AlreadyDecided
            : RouteRefusal.None;
    }

    public static void Withdraw(Case @case, IEnumerable<CaseDecision> decisions)
    {
        foreach (var decision in Active(@case, decisions).ToList())
        {
            decision.Voided = true;
        }

        @case.RouteStep = 0;
    }

    public static (string Ja, string En) Text(RouteRefusal refusal) => refusal switch
    {
        RouteRefusal.NotAnApproverOfThisStep => ("この段階の決裁者ではありません。決裁ルートの担当の役職を確かめてください。", "You are not an approver of this step. Check the roles on the approval route."),
        RouteRefusal.AlreadyApproved => ("同じ人が一つの決裁ルートで二度承認することはできません。別の決裁者に依頼してください。", "The same person cannot approve twice on one route. Ask another approver."),
        RouteRefusal.InvalidDeputy => ("代決できるのは、この段階で待っている役職の代わりに、決裁権のある職員だけです。", "Only a staff member who may approve can approve as deputy, and only for a role still waiting at this step."),
        RouteRefusal.NotTheDrafter => ("引戻しできるのは起案者だけです。", "Only the drafter can withdraw the case from its route."),
        RouteRefusal.AlreadyDecided => ("この段階はすでに承認されているため引戻しできません。決裁者に差戻しを依頼してください。", "This step has already been approved, so it can no longer be withdrawn. Ask the approver to send it back."),
        RouteRefusal.ReasonRequired => ("差戻しの理由を入力してください。", "Enter the reason for sending it back."),
        RouteRefusal.RouteNotApproved => ("決裁ルートのすべての段階が承認されるまで完了できません。", "The case can be completed only after every step of its route approved."),
        _ => ("", ""),
    };
}
