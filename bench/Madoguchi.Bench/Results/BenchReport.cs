using System.Text.Json.Serialization;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench.Results;

/// <summary>
/// bench/results/&lt;date&gt;.json. The shape is fixed by issue 8 (machine, commit, startedAt,
/// loadGenerator, scenarios with name, throughput, p50/p95/p99, errors, baseline and ratio); each
/// scenario may add <c>detail</c> (how it was measured: informative, may change between versions).
/// </summary>
public sealed record BenchReport
{
    [JsonPropertyOrder(0)]
    public required MachineReport Machine { get; init; }

    [JsonPropertyOrder(1)]
    public required string Commit { get; init; }

    [JsonPropertyOrder(2)]
    public required DateTimeOffset StartedAt { get; init; }

    [JsonPropertyOrder(3)]
    public required string LoadGenerator { get; init; }

    [JsonPropertyOrder(4)]
    public required IReadOnlyList<ScenarioReport> Scenarios { get; init; }

    /// <summary>The report of scenario results, each beside its baseline's throughput from the same run.</summary>
    public static BenchReport Create(MachineReport machine, string commit, DateTimeOffset startedAt, string loadGenerator, IReadOnlyList<ScenarioResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        double? BaselineThroughput(string baseline) =>
            results.FirstOrDefault(r => r.Name == Baselines.ScenarioOf(baseline) && r.Unavailable is null)?.ThroughputPerSecond;
        return new BenchReport
        {
            Machine = machine,
            Commit = commit,
            StartedAt = startedAt,
            LoadGenerator = loadGenerator,
            Scenarios = [.. results.Select(r => ScenarioReport.From(r, BaselineThroughput(r.BaselineName)))],
        };
    }

    public ScenarioReport? Scenario(string name) => Scenarios.FirstOrDefault(s => s.Name == name);
}

public sealed record MachineReport(int Cores, double MemoryGiB, string Os);

public sealed record BaselineReport(string Name, double? ThroughputPerSecond);

public sealed record ScenarioReport
{
    [JsonPropertyOrder(0)]
    public required string Name { get; init; }

    [JsonPropertyOrder(1)]
    public double? ThroughputPerSecond { get; init; }

    [JsonPropertyOrder(2)]
    public double? P50Ms { get; init; }

    [JsonPropertyOrder(3)]
    public double? P95Ms { get; init; }

    [JsonPropertyOrder(4)]
    public double? P99Ms { get; init; }

    [JsonPropertyOrder(5)]
    public long? Errors { get; init; }

    [JsonPropertyOrder(6)]
    public required BaselineReport Baseline { get; init; }

    [JsonPropertyOrder(7)]
    public double? RatioToBaseline { get; init; }

    /// <summary>How it was measured, or why it was not (<c>unavailable</c>).</summary>
    [JsonPropertyOrder(8)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, object?>? Detail { get; init; }

    [JsonIgnore]
    public string? Unavailable => Detail?.GetValueOrDefault("unavailable") as string;

    public static ScenarioReport From(ScenarioResult result, double? baselineThroughput)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = new Dictionary<string, object?>(result.Detail);
        if (result.Unavailable is not null)
        {
            detail["unavailable"] = result.Unavailable;
        }

        var throughput = Round(result.ThroughputPerSecond, 1);
        var baseline = Round(baselineThroughput, 1);
        return new ScenarioReport
        {
            Name = result.Name,
            ThroughputPerSecond = throughput,
            P50Ms = Round(result.Latency?.P50Ms, 2),
            P95Ms = Round(result.Latency?.P95Ms, 2),
            P99Ms = Round(result.Latency?.P99Ms, 2),
            Errors = result.Errors,
            Baseline = new BaselineReport(result.BaselineName, baseline),
            RatioToBaseline = result.ThroughputPerSecond is { } t && baselineThroughput is > 0 and { } b ? Math.Round(t / b, 3) : null,
            Detail = detail.Count == 0 ? null : detail,
        };
    }

    /// <summary>A value from <c>detail</c> or from a nested phase ("latency.offeredPerSecond").</summary>
    public object? DetailValue(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        object? current = Detail;
        foreach (var part in path.Split('.'))
        {
            current = current is IReadOnlyDictionary<string, object?> d ? d.GetValueOrDefault(part)
                : current is IDictionary<string, object?> m ? m.TryGetValue(part, out var v) ? v : null
                : null;
        }

        return current;
    }

    private static double? Round(double? value, int digits) => value is { } v ? Math.Round(v, digits) : null;
}
