using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// One thing the harness measures. To add one (the inbox at 100k cases, the booking rush): implement
/// this, or build an <see cref="HttpScenario"/> with a <see cref="HttpScenario.SetupAsync"/> that
/// seeds what it needs, then list it in <see cref="ScenarioCatalog.All"/> (and its goal, if the issue
/// sets one, in Results/Goals.cs). See bench/README.md.
/// </summary>
public interface IScenario
{
    /// <summary>Name in the results and for --scenarios (lowercase, hyphens).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Scenarios whose results this one uses (baselines, capacity); they run first.</summary>
    IReadOnlyList<string> Needs { get; }

    /// <summary>Runs the scenario. Returns one result, or several (overload: one per multiple).</summary>
    Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}

/// <summary>
/// What a scenario measured. <see cref="Unavailable"/> says why it could not be measured (e.g. the
/// endpoint answers 404 on this build); the numbers are then null.
/// </summary>
public sealed record ScenarioResult
{
    public required string Name { get; init; }

    /// <summary>The baseline it is compared with: <c>empty-endpoint</c>, <c>pgbench-insert</c>.</summary>
    public required string BaselineName { get; init; }

    public double? ThroughputPerSecond { get; init; }

    public LatencySummary? Latency { get; init; }

    public long? Errors { get; init; }

    public string? Unavailable { get; init; }

    /// <summary>How it was measured (phases, rates, answers by status): informative, written under <c>detail</c>.</summary>
    public IReadOnlyDictionary<string, object?> Detail { get; init; } = new Dictionary<string, object?>();

    public static ScenarioResult NotAvailable(string name, string baseline, string reason) =>
        new() { Name = name, BaselineName = baseline, Unavailable = reason };
}

/// <summary>Baselines: measured in the same run, named in the results.</summary>
public static class Baselines
{
    public const string EmptyEndpoint = "empty-endpoint";
    public const string PgBenchInsert = "pgbench-insert";

    /// <summary>The scenario whose throughput is the baseline's.</summary>
    public static string ScenarioOf(string baseline) => baseline switch
    {
        EmptyEndpoint => ScenarioCatalog.Empty,
        _ => baseline,
    };
}
