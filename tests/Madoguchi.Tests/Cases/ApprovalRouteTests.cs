using Madoguchi.Cases.Approval;
using Madoguchi.Cases.Cases;
using Madoguchi.Platform.Identity;

namespace Madoguchi.Tests.Cases;

/// <summary>決裁ルート rules: serial and parallel (合議) steps, no double approval, 代決, 差戻し and 引戻し.</summary>
public sealed class ApprovalRouteTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    // 係長 (Approver) then a 合議 of 課長 (Approver) and 所属管理者 (DepartmentAdmin).
    private static readonly IReadOnlyList<RouteStep> TwoSteps =
    [
        new RouteStep([StaffRoles.Approver], "係長決裁"),
        new RouteStep([StaffRoles.Approver, StaffRoles.DepartmentAdmin], "合議"),
    ];

    private static readonly Guid DrafterId = Guid.NewGuid();
    private static readonly Approver Kakaricho = Person("係長 一郎", "係長", StaffRoles.Approver);
    private static readonly Approver Kacho = Person("課長 二郎", "課長", StaffRoles.Approver);
    private static readonly Approver Admin = Person("管理 三子", "主査", StaffRoles.DepartmentAdmin);
    private static readonly Approver Both = Person("兼務 四郎", "係長", StaffRoles.Approver, StaffRoles.DepartmentAdmin);

    private static Approver Person(string name, string title, params string[] roles) => new(Guid.NewGuid(), name, title, roles.ToHashSet());

    private static Case NewCase()
    {
        var @case = new Case { Id = Guid.NewGuid(), ProcedureSlug = "p", ReceiptNumber = "MSN-2026-000001", Status = CaseStatus.InApproval };
        ApprovalRoute.Start(@case, DrafterId);
        return @case;
    }

    private static void Approve(Case @case, List<CaseDecision> decisions, Approver who, string? deputyFor = null)
    {
        Assert.Equal(RouteRefusal.None, ApprovalRoute.CheckApprove(@case, TwoSteps, decisions, who, deputyFor, out var role));
        ApprovalRoute.Approve(@case, TwoSteps, decisions, who, role, deputyFor, null, Now);
    }

    [Fact]
    public void SerialThenParallel_NeedsEveryRoleOfTheJointStep()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Kakaricho);
        Assert.Equal(1, @case.RouteStep);
        Assert.Equal([StaffRoles.Approver, StaffRoles.DepartmentAdmin], ApprovalRoute.PendingRoles(@case, TwoSteps, decisions));

        Approve(@case, decisions, Admin);
        Assert.Equal(1, @case.RouteStep); // 合議: the approver has not agreed yet
        Assert.Equal([StaffRoles.Approver], ApprovalRoute.PendingRoles(@case, TwoSteps, decisions));
        Assert.False(ApprovalRoute.IsApproved(@case, TwoSteps));

        Approve(@case, decisions, Kacho);
        Assert.True(ApprovalRoute.IsApproved(@case, TwoSteps));
        Assert.All(decisions, d => Assert.Equal(DecisionKind.Approved, d.Kind));
        Assert.Equal(["係長", "主査", "課長"], decisions.Select(d => d.Title));
    }

    [Fact]
    public void TheSamePerson_CannotApproveTwiceOnOneRoute()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Both); // step 1 as Approver

        // Both also holds DepartmentAdmin, which step 2 waits for: still refused.
        Assert.Equal(RouteRefusal.AlreadyApproved, ApprovalRoute.CheckApprove(@case, TwoSteps, decisions, Both, null, out _));
        // Nor as a deputy.
        Assert.Equal(RouteRefusal.AlreadyApproved, ApprovalRoute.CheckApprove(@case, TwoSteps, decisions, Both, StaffRoles.Approver, out _));
        Assert.Single(decisions);
    }

    [Fact]
    public void SomeoneWithoutAWaitingRole_IsRefused()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Assert.Equal(RouteRefusal.NotAnApproverOfThisStep, ApprovalRoute.CheckApprove(@case, TwoSteps, decisions, Admin, null, out _));
        var clerk = Person("担当 五郎", "主事", StaffRoles.Staff);
        Assert.Equal(RouteRefusal.InvalidDeputy, ApprovalRoute.CheckApprove(@case, TwoSteps, decisions, clerk, StaffRoles.Approver, out _));
    }

    [Fact]
    public void Deputy_IsRecordedAsSuch_AndCompletesTheStep()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Kakaricho);
        Approve(@case, decisions, Admin);

        // 課長 is absent: 所属管理者 cannot approve twice, but another approver deputises.
        var deputy = Person("代理 六郎", "課長補佐", StaffRoles.Approver);
        Approve(@case, decisions, deputy, deputyFor: StaffRoles.Approver);

        var last = decisions[^1];
        Assert.Equal(StaffRoles.Approver, last.DeputyFor);
        Assert.Equal(StaffRoles.Approver, last.Role);
        Assert.Equal("代理 六郎", last.UserName);
        Assert.True(ApprovalRoute.IsApproved(@case, TwoSteps));
        // A deputy only for a role still waiting.
        Assert.Equal(RouteRefusal.InvalidDeputy, ApprovalRoute.CheckApprove(NewCase(), TwoSteps, [], Kacho, StaffRoles.DepartmentAdmin, out _));
    }

    [Fact]
    public void SendBack_ToThePreviousStep_VoidsItsApproval_AndTheSamePersonMayApproveAgain()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Kakaricho);
        Approve(@case, decisions, Admin);

        var toDrafter = ApprovalRoute.SendBack(@case, decisions, Kacho, toPreviousStep: true, "添付の確認をお願いします", Now);

        Assert.False(toDrafter);
        Assert.Equal(0, @case.RouteStep);
        Assert.DoesNotContain(ApprovalRoute.Active(@case, decisions), d => d.Kind == DecisionKind.Approved);
        var sentBack = Assert.Single(decisions, d => d.Kind == DecisionKind.SentBack);
        Assert.Equal("添付の確認をお願いします", sentBack.Comment);
        Approve(@case, decisions, Kakaricho); // the voided approval no longer counts
        Assert.Equal(1, @case.RouteStep);
    }

    [Fact]
    public void SendBack_ToTheDrafter_VoidsTheRound()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Kakaricho);
        Assert.True(ApprovalRoute.SendBack(@case, decisions, Kacho, toPreviousStep: false, "再審査", Now));
        Assert.Equal(0, @case.RouteStep);
        Assert.All(decisions, d => Assert.True(d.Voided));
    }

    [Fact]
    public void Withdraw_OnlyByTheDrafter_AndOnlyBeforeTheNextApproval()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Assert.Equal(RouteRefusal.NotTheDrafter, ApprovalRoute.CheckWithdraw(@case, decisions, Kacho.UserId));
        Assert.Equal(RouteRefusal.None, ApprovalRoute.CheckWithdraw(@case, decisions, DrafterId));

        Approve(@case, decisions, Kakaricho); // step 2 now waits, nobody approved it yet
        Assert.Equal(RouteRefusal.None, ApprovalRoute.CheckWithdraw(@case, decisions, DrafterId));
        Approve(@case, decisions, Admin); // part of step 2 approved
        Assert.Equal(RouteRefusal.AlreadyDecided, ApprovalRoute.CheckWithdraw(@case, decisions, DrafterId));
    }

    [Fact]
    public void ANewRound_StartsAtTheFirstStep_AndForgetsTheOldApprovals()
    {
        var @case = NewCase();
        var decisions = new List<CaseDecision>();
        Approve(@case, decisions, Kakaricho);
        ApprovalRoute.Withdraw(@case, decisions);
        ApprovalRoute.Start(@case, DrafterId);
        Assert.Equal(2, @case.RouteRound);
        Approve(@case, decisions, Kakaricho);
        Assert.Equal(1, @case.RouteStep);
    }
}
