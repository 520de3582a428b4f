using Madoguchi.Cases.Cases;

namespace Madoguchi.Cases.Transitions;

/// <summary>What a staff member (or an approver) does to a case. The wire names are the API's.</summary>
public enum CaseAction
{
    /// <summary>受付・審査開始: take a received case (or a corrected one) into review.</summary>
    Accept,

    /// <summary>補正依頼: ask the applicant to correct or add something.</summary>
    RequestCorrection,

    /// <summary>起案: send the reviewed case up its approval route (決裁ルート).</summary>
    SubmitForApproval,

    /// <summary>承認 (or 代決 with deputyFor): approve the current step.</summary>
    Approve,

    /// <summary>差戻し: send back to the previous step or to the drafter, with a reason.</summary>
    SendBack,

    /// <summary>引戻し: the drafter takes the case back before the next approval.</summary>
    Withdraw,

    /// <summary>却下: refuse the application.</summary>
    Reject,

    /// <summary>完了: close an approved case (the decision is issued).</summary>
    Complete,

    /// <summary>取下げ: the applicant withdrew the application (recorded by staff).</summary>
    WithdrawApplication,
}

/// <summary>
/// The one transition table (action × status → status), used by the pages and the API alike
/// (ADR 0050). A pair that is not in the table is refused and changes nothing. Approve keeps the case
/// in 決裁中 (the route moves on); SendBack "to the previous step" also stays in 決裁中 — the table
/// gives the status when it goes back to the drafter.
/// </summary>
public static class TransitionTable
{
    private static readonly Dictionary<(CaseAction Action, CaseStatus From), CaseStatus> Table = new()
    {
        [(CaseAction.Accept, CaseStatus.Received)] = CaseStatus.UnderReview,
        [(CaseAction.Accept, CaseStatus.AwaitingCorrection)] = CaseStatus.UnderReview,
        [(CaseAction.RequestCorrection, CaseStatus.UnderReview)] = CaseStatus.AwaitingCorrection,
        [(CaseAction.SubmitForApproval, CaseStatus.UnderReview)] = CaseStatus.InApproval,
        [(CaseAction.Approve, CaseStatus.InApproval)] = CaseStatus.InApproval,
        [(CaseAction.SendBack, CaseStatus.InApproval)] = CaseStatus.UnderReview,
        [(CaseAction.Withdraw, CaseStatus.InApproval)] = CaseStatus.UnderReview,
        [(CaseAction.Reject, CaseStatus.UnderReview)] = CaseStatus.Rejected,
        [(CaseAction.Reject, CaseStatus.InApproval)] = CaseStatus.Rejected,
        [(CaseAction.Complete, CaseStatus.InApproval)] = CaseStatus.Completed,
        [(CaseAction.WithdrawApplication, CaseStatus.Received)] = CaseStatus.Withdrawn,
        [(CaseAction.WithdrawApplication, CaseStatus.UnderReview)] = CaseStatus.Withdrawn,
        [(CaseAction.WithdrawApplication, CaseStatus.AwaitingCorrection)] = CaseStatus.Withdrawn,
    };

    public static IReadOnlyCollection<(CaseAction Action, CaseStatus From)> Pairs => Table.Keys;

    public static bool TryGet(CaseAction action, CaseStatus from, out CaseStatus to) => Table.TryGetValue((action, from), out to);

    /// <summary>The actions the table allows in <paramref name="status"/>, in declaration order.</summary>
    public static IReadOnlyList<CaseAction> AllowedIn(CaseStatus status) =>
        [.. Enum.GetValues<CaseAction>().Where(a => Table.ContainsKey((a, status)))];

    public static bool IsOpen(CaseStatus status) => status is not (CaseStatus.Completed or CaseStatus.Rejected or CaseStatus.Withdrawn);

    public static string WireName(CaseAction action) => action switch
    {
        CaseAction.Accept => "accept",
        CaseAction.RequestCorrection => "request-correction",
        CaseAction.SubmitForApproval => "submit-for-approval",
        CaseAction.Approve => "approve",
        CaseAction.SendBack => "send-back",
        CaseAction.Withdraw => "withdraw",
        CaseAction.Reject => "reject",
        CaseAction.Complete => "complete",
        CaseAction.WithdrawApplication => "withdraw-application",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static CaseAction? ParseAction(string? wire) =>
        Enum.GetValues<CaseAction>().Cast<CaseAction?>().FirstOrDefault(a => WireName(a!.Value) == wire);

    public static string WireName(CaseStatus status) => status switch
    {
        CaseStatus.Received => "received",
        CaseStatus.UnderReview => "under-review",
        CaseStatus.AwaitingCorrection => "awaiting-correction",
        CaseStatus.InApproval => "in-approval",
        CaseStatus.Completed => "completed",
        CaseStatus.Rejected => "rejected",
        CaseStatus.Withdrawn => "withdrawn",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static CaseStatus? ParseStatus(string? wire) =>
        Enum.GetValues<CaseStatus>().Cast<CaseStatus?>().FirstOrDefault(s => WireName(s!.Value) == wire);

    public static string Label(CaseStatus status, bool english) => status switch
    {
        CaseStatus.Received => english ? "Received" : "受付",
        CaseStatus.UnderReview => english ? "Under review" : "審査中",
        CaseStatus.AwaitingCorrection => english ? "Awaiting correction" : "補正依頼中",
        CaseStatus.InApproval => english ? "In approval" : "決裁中",
        CaseStatus.Completed => english ? "Completed" : "完了",
        CaseStatus.Rejected => english ? "Rejected" : "却下",
        CaseStatus.Withdrawn => english ? "Withdrawn" : "取下げ",
        _ => status.ToString(),
    };
}
