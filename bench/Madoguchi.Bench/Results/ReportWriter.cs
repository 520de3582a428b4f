using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Results;

/// <summary>Writes &lt;date&gt;.json and &lt;date&gt;.md, and the console summary.</summary>
public static class ReportWriter
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>"2026-11-25": the UTC date the run started.</summary>
    public static string FileStem(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public static string ToJson(BenchReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>Writes both files into <paramref name="folder"/>; returns their paths.</summary>
    public static async Task<(string Json, string Markdown)> WriteAsync(BenchReport report, IReadOnlyList<GoalResult> goals, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, FileStem(report));
        await File.WriteAllTextAsync(stem + ".json", ToJson(report) + "\n", cancellationToken);
        await File.WriteAllTextAsync(stem + ".md", ToMarkdown(report, goals), cancellationToken);
        return (stem + ".json", stem + ".md");
    }

    public static string ToMarkdown(BenchReport report, IReadOnlyList<GoalResult> goals)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(goals);
        var md = new StringBuilder();
        Line(md, $"# Madoguchi benchmark {FileStem(report)}");
        Line(md, $"");
        Line(md, $"- Commit: `{report.Commit}`");
        Line(md, $"- Started: {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        Line(md, $"- Machine: {report.Machine.Cores} cores, {report.Machine.MemoryGiB} GiB, {report.Machine.Os}");
        Line(md, $"- Load generator: {report.LoadGenerator}");
        Line(md, $"");
        Line(md, $"Throughput: closed loop (capacity). Latency: open loop at the rate shown, measured from each request's scheduled time. Ratio: throughput ÷ the baseline measured in this run.");
        Line(md, $"");
        Line(md, $"| scenario | throughput/s | p50 ms | p95 ms | p99 ms | errors | baseline | baseline/s | ratio | latency at |");
        Line(md, $"|---|--:|--:|--:|--:|--:|---|--:|--:|---|");
        foreach (var s in report.Scenarios)
        {
            if (s.Unavailable is { } reason)
            {
                Line(md, $"| {s.Name} | unavailable | | | | | {s.Baseline.Name} | {N(s.Baseline.ThroughputPerSecond, "0.#")} | | {Escape(reason)} |");
                continue;
            }

            var at = s.DetailValue("latency.offeredPerSecond") is { } rate ? F($"{rate:0.#}/s")
                : s.DetailValue("offeredPerSecond") is { } offered ? F($"{offered:0.#}/s offered (admitted only)")
                : s.DetailValue("clients") is { } clients ? F($"pgbench, {clients} clients")
                : "";
            Line(md, $"| {s.Name} | {N(s.ThroughputPerSecond, "0.#")} | {N(s.P50Ms, "0.00")} | {N(s.P95Ms, "0.00")} | {N(s.P99Ms, "0.00")} | {s.Errors} | {s.Baseline.Name} | {N(s.Baseline.ThroughputPerSecond, "0.#")} | {N(s.RatioToBaseline, "0.###")} | {at} |");
        }

        var sustained = report.Scenarios.Where(s => s.Unavailable is null && s.DetailValue("latencyAtLoadFactor.offeredPerSecond") is not null).ToList();
        if (sustained.Count > 0)
        {
            Line(md, $"");
            Line(md, $"## Latency at a rate the app sustains");
            Line(md, $"");
            Line(md, $"The goal's rate was above the capacity measured, so latency was also measured at --load-factor × capacity (informative; the goals read the table above).");
            Line(md, $"");
            Line(md, $"Outbox: the messages still waiting when the phase ended (with those the capacity phase left), and how fast the app delivered them once the load stopped.");
            Line(md, $"");
            Line(md, $"| scenario | rate/s | answered/s | p50 ms | p95 ms | p99 ms | not sent | outbox backlog | outbox drained/s |");
            Line(md, $"|---|--:|--:|--:|--:|--:|--:|--:|--:|");
            foreach (var s in sustained)
            {
                Line(md, $"| {s.Name} | {s.DetailValue("latencyAtLoadFactor.offeredPerSecond")} | {s.DetailValue("latencyAtLoadFactor.successPerSecond")} | {s.DetailValue("latencyAtLoadFactor.p50Ms")} | {s.DetailValue("latencyAtLoadFactor.p95Ms")} | {s.DetailValue("latencyAtLoadFactor.p99Ms")} | {s.DetailValue("latencyAtLoadFactor.notSent")} | {s.DetailValue("latencyAtLoadFactor.outboxPendingAfter")} | {s.DetailValue("latencyAtLoadFactor.outboxDrainPerSecond")} |");
            }
        }

        var overloads = report.Scenarios.Where(s => s.Name.StartsWith("overload-", StringComparison.Ordinal) && s.Unavailable is null).ToList();
        if (overloads.Count > 0)
        {
            Line(md, $"");
            Line(md, $"## Overload");
            Line(md, $"");
            Line(md, $"| run | target | capacity/s | offered/s | admitted/s | admitted p99 ms | 429 | 503 | other errors | not sent | rejection p99 ms | recovered |");
            Line(md, $"|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|");
            foreach (var s in overloads)
            {
                Line(md, $"| {s.Name} | {s.DetailValue("target")} | {s.DetailValue("capacityPerSecond")} | {s.DetailValue("offeredPerSecond")} | {N(s.ThroughputPerSecond, "0.#")} | {N(s.P99Ms, "0.00")} | {s.DetailValue("rejected429")} | {s.DetailValue("rejected503")} | {s.Errors} | {s.DetailValue("notSent")} | {s.DetailValue("rejectedP99Ms")} | {s.DetailValue("recovered")} |");
            }
        }

        Line(md, $"");
        Line(md, $"## Goals");
        Line(md, $"");
        Line(md, $"| goal | measured | result |");
        Line(md, $"|---|---|---|");
        foreach (var g in goals)
        {
            Line(md, $"| {Escape(g.Goal)} | {Escape(g.Measured)} | {Verdict(g.Verdict)} |");
        }

        return md.ToString();
    }

    public static string Verdict(Verdict verdict) => verdict switch
    {
        Results.Verdict.Pass => "PASS",
        Results.Verdict.Fail => "FAIL",
        _ => "SKIP",
    };

    private static void Line(StringBuilder md, FormattableString text) => md.Append(text.ToString(CultureInfo.InvariantCulture)).Append('\n');

    private static string N(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
