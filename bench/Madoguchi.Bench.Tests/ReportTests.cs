using System.Text.Json;
using Madoguchi.Bench.Load;
using Madoguchi.Bench.Results;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Tests;

/// <summary>bench/results/&lt;date&gt;.json keeps the shape issue 8 fixes, and the Markdown says the same.</summary>
public sealed class ReportTests
{
    internal static readonly DateTimeOffset Started = new(2026, 11, 25, 23, 59, 30, TimeSpan.Zero);

    internal static BenchReport SampleReport(double submissionsPerSecond = 4000, double submissionsP99 = 40, double pageP99 = 12, long submissionsLatencyFailed = 0) =>
        BenchReport.Create(new MachineReport(2, 23.5, "Debian GNU/Linux 12 (bookworm)"), "abc123", Started, "in-process",
        [
            Measured(ScenarioCatalog.Empty, Baselines.EmptyEndpoint, 20_000, 1.5),
            Measured(Baselines.PgBenchInsert, Baselines.PgBenchInsert, 7_500, 6),
            Measured(ScenarioCatalog.ProcedurePage, Baselines.EmptyEndpoint, 5_000, pageP99, rate: 3_500),
            Measured(ScenarioCatalog.Submissions, Baselines.PgBenchInsert, submissionsPerSecond, submissionsP99, rate: 3_750, latencyFailed: submissionsLatencyFailed),
            ScenarioResult.NotAvailable(ScenarioCatalog.FormStep, Baselines.EmptyEndpoint, "GET /apply/x/y answers 404: not in this build"),
        ]);

    internal static ScenarioResult Measured(string name, string baseline, double throughput, double p99, double? rate = null, long latencyFailed = 0) => new()
    {
        Name = name,
        BaselineName = baseline,
        ThroughputPerSecond = throughput,
        Latency = new LatencySummary(1000, p99 / 4, p99 / 2, p99, p99 * 2),
        Errors = 0,
        Detail = rate is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>
        {
            ["latency"] = new Dictionary<string, object?> { ["offeredPerSecond"] = rate, ["requests"] = (long)(rate * 10), ["failed"] = latencyFailed },
        },
    };

    [Fact]
    public void Json_HasExactlyTheAgreedTopLevelAndScenarioMembers()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(SampleReport()));
        var root = json.RootElement;
        Assert.Equal(["machine", "commit", "startedAt", "loadGenerator", "scenarios"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["cores", "memoryGiB", "os"], root.GetProperty("machine").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal("2026-11-25T23:59:30+00:00", root.GetProperty("startedAt").GetString());
        string[] agreed = ["name", "throughputPerSecond", "p50Ms", "p95Ms", "p99Ms", "errors", "baseline", "ratioToBaseline"];
        foreach (var scenario in root.GetProperty("scenarios").EnumerateArray())
        {
            // The agreed members, in order, then at most the informative "detail".
            var names = scenario.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(agreed, names.Take(agreed.Length));
            Assert.True(names.Count == agreed.Length || names[^1] == "detail", string.Join(", ", names));
            Assert.Equal(["name", "throughputPerSecond"], scenario.GetProperty("baseline").EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void Json_ComparesEachScenarioWithItsBaselineFromTheSameRun()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(SampleReport(submissionsPerSecond: 4000)));
        var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

        var submissions = scenarios["submissions"];
        Assert.Equal("pgbench-insert", submissions.GetProperty("baseline").GetProperty("name").GetString());
        Assert.Equal(7500, submissions.GetProperty("baseline").GetProperty("throughputPerSecond").GetDouble());
        Assert.Equal(0.533, submissions.GetProperty("ratioToBaseline").GetDouble());

        var page = scenarios["procedure-page"];
        Assert.Equal("empty-endpoint", page.GetProperty("baseline").GetProperty("name").GetString());
        Assert.Equal(20000, page.GetProperty("baseline").GetProperty("throughputPerSecond").GetDouble());
        Assert.Equal(0.25, page.GetProperty("ratioToBaseline").GetDouble());
        Assert.Equal(12, page.GetProperty("p99Ms").GetDouble());
    }

    [Fact]
    public void Json_UnavailableScenario_HasNullFiguresAndSaysWhy()
    {
        using var json = JsonDocument.Parse(ReportWriter.ToJson(SampleReport()));
        var formStep = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "form-step");
        Assert.Equal(JsonValueKind.Null, formStep.GetProperty("throughputPerSecond").ValueKind);
        Assert.Equal(JsonValueKind.Null, formStep.GetProperty("p99Ms").ValueKind);
        Assert.Equal(JsonValueKind.Null, formStep.GetProperty("ratioToBaseline").ValueKind);
        Assert.Contains("404", formStep.GetProperty("detail").GetProperty("unavailable").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NamesBothFilesAfterTheUtcStartDate()
    {
        var folder = Directory.CreateTempSubdirectory("madoguchi-bench-test.").FullName;
        try
        {
            var report = SampleReport();
            var (json, markdown) = await ReportWriter.WriteAsync(report, Goals.Evaluate(report), folder, TestContext.Current.CancellationToken);
            Assert.Equal(Path.Combine(folder, "2026-11-25.json"), json);
            Assert.Equal(Path.Combine(folder, "2026-11-25.md"), markdown);
            var text = await File.ReadAllTextAsync(markdown, TestContext.Current.CancellationToken);
            Assert.Contains("| submissions | 4000 | 10.00 | 20.00 | 40.00 | 0 | pgbench-insert | 7500 | 0.533 | 3750/s |", text, StringComparison.Ordinal);
            Assert.Contains("| form-step | unavailable |", text, StringComparison.Ordinal);
            Assert.Contains("| submissions ≥ 0.5 × pgbench-insert rate | 4000/s vs pgbench 7500/s = 0.533× | PASS |", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Markdown_ShowsLatencyAtASustainableRate_OnlyWhenMeasured()
    {
        var report = SampleReport();
        Assert.DoesNotContain("Latency at a rate the app sustains", ReportWriter.ToMarkdown(report, Goals.Evaluate(report)), StringComparison.Ordinal);

        var submissions = Measured(ScenarioCatalog.Submissions, Baselines.PgBenchInsert, 500, 900, rate: 3_750) with
        {
            Detail = new Dictionary<string, object?>
            {
                ["latency"] = new Dictionary<string, object?> { ["offeredPerSecond"] = 3_750.0 },
                ["latencyAtLoadFactor"] = new Dictionary<string, object?>
                {
                    ["offeredPerSecond"] = 350.0,
                    ["successPerSecond"] = 349.8,
                    ["p50Ms"] = 4.1,
                    ["p95Ms"] = 9.5,
                    ["p99Ms"] = 21.25,
                    ["notSent"] = 0L,
                    ["outboxPendingAfter"] = 4_200L,
                    ["outboxDrainPerSecond"] = 610.5,
                },
            },
        };
        var withSustained = BenchReport.Create(report.Machine, report.Commit, report.StartedAt, report.LoadGenerator, [Measured(ScenarioCatalog.Empty, Baselines.EmptyEndpoint, 20_000, 1.5), Measured(Baselines.PgBenchInsert, Baselines.PgBenchInsert, 7_500, 6), submissions]);
        var text = ReportWriter.ToMarkdown(withSustained, Goals.Evaluate(withSustained));

        Assert.Contains("## Latency at a rate the app sustains", text, StringComparison.Ordinal);
        Assert.Contains("| submissions | 350 | 349.8 | 4.1 | 9.5 | 21.25 | 0 | 4200 | 610.5 |", text, StringComparison.Ordinal);
        Assert.Contains("| submissions p99 < 100 ms at 0.5 × pgbench rate | p99 900 ms at 3750/s | FAIL |", text, StringComparison.Ordinal); // the goal still reads the goal's rate
    }
}
