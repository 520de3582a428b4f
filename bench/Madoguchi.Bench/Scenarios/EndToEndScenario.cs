using System.Diagnostics;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// Sustained submissions end to end: an open loop at a fixed rate (<c>--end-to-end-rate</c>, default 300/s) for
/// <c>--end-to-end-seconds</c> (default 60), while the outbox backlog (case intakes and receipt emails still to be
/// delivered) is sampled every second; then how long the app needs to deliver what is left. A rate counts as sustained
/// only if the answers are fast and the work behind them keeps up: a backlog that grows for the whole minute means
/// cases open later and later, whatever the answers' latency says.
/// </summary>
public sealed class EndToEndScenario : IScenario
{
    public string Name => ScenarioCatalog.SubmissionsEndToEnd;

    public string Description => "durable JSON submissions at a fixed rate for a minute, outbox backlog sampled each second, then drained";

    public IReadOnlyList<string> Needs => [ScenarioCatalog.Empty];

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        var submissions = (HttpScenario)ScenarioCatalog.Find(ScenarioCatalog.Submissions)!;
        if (context.Result(ScenarioCatalog.Submissions) is { Unavailable: { } why })
        {
            return [ScenarioResult.NotAvailable(Name, Baselines.EmptyEndpoint, $"submissions unavailable: {why}")];
        }

        using var client = context.CreateLoadClient(options.OpenLoopConnections);
        var generator = submissions.CreateGenerator(context, client);
        if (options.Warmup > TimeSpan.Zero)
        {
            await generator.ClosedLoopAsync(options.Connections, options.Warmup, cancellationToken);
        }

        await HttpScenario.WarmUntilJitQuietAsync(Name, context, generator, cancellationToken);
        var settledBefore = await context.SettleAsync(cancellationToken);
        var rate = options.EndToEndRate;
        BenchContext.Log($"{Name}: {rate:0.#}/s for {options.EndToEndDuration.TotalSeconds:0} s, outbox sampled each second (backlog at start {settledBefore.PendingAfter})");

        // Sample the backlog each second while the load runs.
        var samples = new List<long>();
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token))
                {
                    samples.Add(await context.OutboxPendingAsync(sampling.Token));
                }
            }
            catch (OperationCanceledException) when (sampling.IsCancellationRequested)
            {
            }
        }, CancellationToken.None);
        var phase = await submissions.CreateGenerator(context, client)
            .OpenLoopAsync(rate, options.EndToEndDuration, maxInFlight: 10_000, cancellationToken);
        await sampling.CancelAsync();
        await sampler;

        // Then the time the app needs to deliver what the load left (at most --settle).
        var drainStarted = Stopwatch.GetTimestamp();
        var after = await context.SettleAsync(cancellationToken);
        var drainSeconds = Stopwatch.GetElapsedTime(drainStarted).TotalSeconds;
        var failed = phase.Errors + phase.Rejected + phase.NotSent;
        BenchContext.Log($"{Name}: answered {phase.SuccessPerSecond:0.#}/s, p99 {phase.All.P99Ms:0.00} ms, {failed} failed; backlog max {samples.DefaultIfEmpty().Max()}, at the end {after.PendingBefore}, delivered in {drainSeconds:0.#} s ({after.PendingAfter} left)");

        var detail = new Dictionary<string, object?>
        {
            ["description"] = Description,
            ["request"] = submissions.Target(context),
            ["latency"] = HttpScenario.PhaseDetail(phase),
            ["outboxBacklogEachSecond"] = samples,
            ["outboxBacklogMax"] = samples.DefaultIfEmpty().Max(),
            ["outboxBacklogAtEnd"] = after.PendingBefore,
            ["outboxLeftAfterSettle"] = after.PendingAfter,
            ["outboxDrainSecondsAfter"] = Math.Round(drainSeconds, 1),
        };
        return
        [
            new ScenarioResult
            {
                Name = Name,
                BaselineName = Baselines.EmptyEndpoint,
                ThroughputPerSecond = phase.SuccessPerSecond,
                Latency = phase.All,
                Errors = failed,
                Detail = detail,
            },
        ];
    }
}
