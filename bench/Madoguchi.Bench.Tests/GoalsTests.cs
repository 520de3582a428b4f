using Madoguchi.Bench.Results;

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
