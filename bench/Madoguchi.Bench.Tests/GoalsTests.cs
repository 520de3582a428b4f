using Madoguchi.Bench.Results;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Tests;

public sealed class GoalsTests
{
    private static Verdict VerdictOf(BenchReport report, string goalStart) =>
        Goals.Evaluate(report).Single(g => g.Goal.StartsWith(goalStart, StringComparison.Ordinal)).Verdict;

    [Fact]
    public void Submissions_PassAtHalfThePgBenchRate_AndFailBelow()
    {
        Assert.Equal(Verdict.Pass, VerdictOf(ReportTests.SampleReport(submissionsPerSecond: 3750), "submissions ≥"));
        Assert.Equal(Verdict.Fail, VerdictOf(ReportTests.SampleReport(submissionsPerSecond: 3749), "submissions ≥"));
    }

    [Fact]
    public void SubmissionsLatency_FailsAtOrAbove100Ms()
    {
        Assert.Equal(Verdict.Pass, VerdictOf(ReportTests.SampleReport(submissionsP99: 99.9), "submissions p99"));
        Assert.Equal(Verdict.Fail, VerdictOf(ReportTests.SampleReport(submissionsP99: 100), "submissions p99"));
    }

    [Fact]
    public void SubmissionsLatency_FailsWhenTheAppRefusedMoreThanOneInAThousandAtThatRate()
    {
        // 37,500 requests in the 10-second phase at 3,750/s: fast 503s must not pass for fast answers.
        Assert.Equal(Verdict.Pass, VerdictOf(ReportTests.SampleReport(submissionsLatencyFailed: 37), "submissions p99"));
        Assert.Equal(Verdict.Fail, VerdictOf(ReportTests.SampleReport(submissionsLatencyFailed: 38), "submissions p99"));
        var measured = Goals.Evaluate(ReportTests.SampleReport(submissionsLatencyFailed: 35_000)).Single(g => g.Goal.StartsWith("submissions p99", StringComparison.Ordinal)).Measured;
        Assert.Equal("p99 40 ms at 3750/s; 35000 of 37500 answers failed or refused (93.3%)", measured);
    }

    [Theory]
    [InlineData(40, 0, 0, 12.5, Verdict.Pass)]
    [InlineData(100, 0, 0, 12.5, Verdict.Fail)] // slow answers
    [InlineData(40, 19, 0, 12.5, Verdict.Fail)] // 19 of 18,000 refused: more than 0.1 %
    [InlineData(40, 0, 0, 60.1, Verdict.Fail)] // the outbox took longer than a minute to catch up
    [InlineData(40, 0, 5, 180, Verdict.Fail)] // and never did
    public void EndToEnd_PassesOnlyWhenAnswersAreFast_AndTheOutboxKeepsUp(double p99, long failed, long left, double drainSeconds, Verdict expected)
    {
        var endToEnd = ReportTests.Measured(ScenarioCatalog.SubmissionsEndToEnd, Baselines.EmptyEndpoint, 300, p99) with
        {
            Detail = new Dictionary<string, object?>
            {
                ["latency"] = new Dictionary<string, object?> { ["offeredPerSecond"] = 300.0, ["requests"] = 18_000L, ["failed"] = failed },
                ["outboxBacklogMax"] = 2_000L,
                ["outboxBacklogAtEnd"] = 1_500L,
                ["outboxLeftAfterSettle"] = left,
                ["outboxDrainSecondsAfter"] = drainSeconds,
            },
        };
        var report = BenchReport.Create(new MachineReport(2, 23.5, "Debian"), "abc", ReportTests.Started, "in-process", [endToEnd]);

        Assert.Equal(expected, VerdictOf(report, "submissions end to end"));
    }

    [Fact]
    public void PageRender_FailsAtOrAbove20Ms()
    {
        Assert.Equal(Verdict.Pass, VerdictOf(ReportTests.SampleReport(pageP99: 19.99), "procedure-page"));
        Assert.Equal(Verdict.Fail, VerdictOf(ReportTests.SampleReport(pageP99: 20), "procedure-page"));
    }

    [Fact]
    public void UnavailableOrMissingScenarios_AreSkippedWithTheReason()
    {
        var goals = Goals.Evaluate(ReportTests.SampleReport());
        var formStep = goals.Single(g => g.Goal.StartsWith("form-step", StringComparison.Ordinal));
        Assert.Equal(Verdict.Skip, formStep.Verdict);
        Assert.Contains("404", formStep.Measured, StringComparison.Ordinal);
        Assert.All(goals.Where(g => g.Goal.StartsWith("overload", StringComparison.Ordinal)), g => Assert.Equal(Verdict.Skip, g.Verdict));
    }
}
