using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Transitions;

namespace Madoguchi.Tests.Cases;

/// <summary>The one transition table, exhaustively: every action × status pair not listed here is refused.</summary>
public sealed class TransitionTableTests
{
    // The table as ADR 0050 states it, written out independently of the code.
    private static readonly Dictionary<(CaseAction, CaseStatus), CaseStatus> Expected = new()
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

    public static TheoryData<CaseAction, CaseStatus> EveryPair()
    {
        var data = new TheoryData<CaseAction, CaseStatus>();
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            foreach (var status in Enum.GetValues<CaseStatus>())
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void EveryActionInEveryStatus_IsAllowedOnlyWhenListed(CaseAction action, CaseStatus status)
    {
        var allowed = TransitionTable.TryGet(action, status, out var to);
        if (Expected.TryGetValue((action, status), out var expected))
        {
            Assert.True(allowed);
            Assert.Equal(expected, to);
            Assert.Contains(action, TransitionTable.AllowedIn(status));
        }
        else
        {
            Assert.False(allowed);
            Assert.DoesNotContain(action, TransitionTable.AllowedIn(status));
        }
    }

    [Fact]
    public void FinalStatuses_AllowNothing()
    {
        Assert.Empty(TransitionTable.AllowedIn(CaseStatus.Completed));
        Assert.Empty(TransitionTable.AllowedIn(CaseStatus.Rejected));
        Assert.Empty(TransitionTable.AllowedIn(CaseStatus.Withdrawn));
        Assert.Equal(Expected.Count, TransitionTable.Pairs.Count);
    }

    [Fact]
    public void WireNames_RoundTrip()
    {
        Assert.All(Enum.GetValues<CaseAction>(), a => Assert.Equal(a, TransitionTable.ParseAction(TransitionTable.WireName(a))));
        Assert.All(Enum.GetValues<CaseStatus>(), s => Assert.Equal(s, TransitionTable.ParseStatus(TransitionTable.WireName(s))));
        Assert.Null(TransitionTable.ParseAction("Approve"));
        Assert.Null(TransitionTable.ParseAction("3"));
    }
}
