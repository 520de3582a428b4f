using System.Diagnostics;
using System.Globalization;
using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// Overload (issue 8, item 2): an open-loop run at several multiples of the capacity measured for the
/// public write path (<c>submissions</c>; <c>procedure-api</c> when submissions are not in the build),
/// from many connections. Reports admitted answers per second and their latency, the 429/503 refusals,
/// any other error, and whether the app is still the same healthy process and serves again afterwards.
/// </summary>
public sealed class OverloadScenario : IScenario
{
    public string Name => ScenarioCatalog.Overload;

    public string Description => "open loop at multiples of measured capacity: 429/503 counts, admitted latency, recovery";

    public IReadOnlyList<string> Needs => [ScenarioCatalog.Submissions, ScenarioCatalog.ProcedureApi];

    /// <summary>"overload-5x", "overload-2.5x".</summary>
    public static string NameFor(double multiple) => $"overload-{multiple.ToString("0.##", CultureInfo.InvariantCulture)}x";

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var targetName = context.Measured(ScenarioCatalog.Submissions) is not null ? ScenarioCatalog.Submissions : ScenarioCatalog.ProcedureApi;
        var target = (HttpScenario)ScenarioCatalog.Find(targetName)!;
        if (context.Measured(targetName) is not { ThroughputPerSecond: > 0 } measured)
        {
            return [.. options.OverloadMultiples.Select(m => ScenarioResult.NotAvailable(NameFor(m), target.BaselineName, $"no capacity measured for {targetName}"))];
        }

        var capacity = measured.ThroughputPerSecond!.Value;
        var pid = context.App.ProcessId;
        var results = new List<ScenarioResult>();
        foreach (var multiple in options.OverloadMultiples)
        {
            var rate = multiple * capacity;
            BenchContext.Log($"{NameFor(multiple)}: {targetName} at {rate:0.#}/s ({multiple}x {capacity:0.#}/s) from up to {options.OpenLoopConnections} connections");
            using var client = context.CreateLoadClient(options.OpenLoopConnections);
            var phase = await target.CreateGenerator(context, client)
                .OpenLoopAsync(rate, options.Duration, maxInFlight: Math.Max(20_000, options.OpenLoopConnections * 4), cancellationToken);

            // Recovery: after a pause, the same process must be healthy and answer the request normally and quickly.
            await Task.Delay(TimeSpan.FromSeconds(options.Quick ? 1 : 3), cancellationToken);
            var alive = !context.App.HasExited && context.App.ProcessId == pid;
            var healthy = await context.App.IsHealthyAsync(cancellationToken);
            var (recoveredStatus, recoveredMs) = await ProbeAsync(context, target, cancellationToken);
            var recovered = alive && healthy && recoveredStatus == (int)target.Expected;

            long Count(string status) => phase.Answers.GetValueOrDefault(status);
            BenchContext.Log($"{NameFor(multiple)}: admitted {phase.SuccessPerSecond:0.#}/s p99 {phase.Admitted.P99Ms:0.00} ms, 429: {Count("429")}, 503: {Count("503")}, other errors: {phase.Errors}, not sent: {phase.NotSent}, recovered: {recovered}");
            results.Add(new ScenarioResult
            {
                Name = NameFor(multiple),
                BaselineName = target.BaselineName,
                ThroughputPerSecond = phase.SuccessPerSecond,
                Latency = phase.Admitted,
                Errors = phase.Errors,
                Detail = new Dictionary<string, object?>
                {
                    ["description"] = Description,
                    ["target"] = targetName,
                    ["request"] = target.Target(context),
                    ["capacityPerSecond"] = Math.Round(capacity, 1),
                    ["multiple"] = multiple,
                    ["offeredPerSecond"] = Math.Round(rate, 1),
                    ["connections"] = options.OpenLoopConnections,
                    ["requests"] = phase.Requests,
                    ["admitted"] = phase.Successes,
                    ["rejected429"] = Count("429"),
                    ["rejected503"] = Count("503"),
                    ["otherErrors"] = phase.Errors,
                    ["otherErrorRate"] = phase.Requests > 0 ? Math.Round((double)phase.Errors / phase.Requests, 5) : null,
                    ["notSent"] = phase.NotSent,
                    ["rejectedP50Ms"] = HttpScenario.Round(phase.RejectedLatency.P50Ms),
                    ["rejectedP99Ms"] = HttpScenario.Round(phase.RejectedLatency.P99Ms),
                    ["allP99Ms"] = HttpScenario.Round(phase.All.P99Ms),
                    ["answers"] = phase.Answers,
                    ["sameProcessAlive"] = alive,
                    ["healthyAfter"] = healthy,
                    ["recoveryProbeStatus"] = recoveredStatus,
                    ["recoveryProbeMs"] = HttpScenario.Round(recoveredMs),
                    ["recovered"] = recovered,
                },
            });
        }

        return results;
    }

    private static async Task<(int Status, double? Ms)> ProbeAsync(BenchContext context, HttpScenario target, CancellationToken cancellationToken)
    {
        using var client = context.App.CreateClient(TimeSpan.FromSeconds(10));
        using var request = target.Request(context);
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return ((int)response.StatusCode, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, null);
        }
    }
}
