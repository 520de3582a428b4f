using System.Net;
using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// One HTTP request shape under load, in three phases after a probe (ADR 0040): warm-up (closed loop,
/// discarded), capacity (closed loop with --connections: gives <c>throughputPerSecond</c>) and latency
/// (open loop at a fixed rate: gives p50/p95/p99, measured from each request's scheduled time).
/// A 404 or 405 on the probe means the endpoint is not in this build: the scenario is "unavailable".
/// </summary>
public sealed class HttpScenario : IScenario
{
    public required string Name { get; init; }

    public required string Description { get; init; }

    public string BaselineName { get; init; } = Baselines.EmptyEndpoint;

    public IReadOnlyList<string> Needs { get; init; } = [ScenarioCatalog.Empty];

    /// <summary>"GET /path", for the report.</summary>
    public required Func<BenchContext, string> Target { get; init; }

    /// <summary>Builds the next request (use <see cref="BenchContext.NextSequence"/> for anything that must be unique, e.g. Idempotency-Key).</summary>
    public required Func<BenchContext, HttpRequestMessage> Request { get; init; }

    /// <summary>The answer that counts as success.</summary>
    public HttpStatusCode Expected { get; init; } = HttpStatusCode.OK;

    /// <summary>Probe answers (besides 404/405) that mean the bench's own data is wrong or the endpoint is not usable yet: reported as unavailable with the body.</summary>
    public IReadOnlyList<HttpStatusCode> UnavailableOn { get; init; } = [];

    /// <summary>Rate of the latency phase given the capacity just measured; default: --rate, else --load-factor × capacity.</summary>
    public Func<BenchContext, double, double>? LatencyRate { get; init; }

    /// <summary>
    /// When <see cref="LatencyRate"/> asks for more than the capacity just measured (submissions: the goal's rate), first
    /// measure latency at --load-factor × capacity too, so the report also says how fast the answers are at a rate the app
    /// sustains (written under <c>detail.latencyAtLoadFactor</c>; the goal still reads the main phase).
    /// </summary>
    public bool AlsoAtSustainableRate { get; init; }

    /// <summary>Prepares data before the probe (e.g. seed 100k cases); returns a reason to report it unavailable, or null.</summary>
    public Func<BenchContext, CancellationToken, Task<string?>>? SetupAsync { get; init; }

    /// <summary>Checks the probe's successful answer (e.g. the submission's JSON); returns a warning or null.</summary>
    public Func<string, string?>? CheckBody { get; init; }

    public Outcome Classify(HttpStatusCode status) =>
        status == Expected ? Outcome.Success
        : status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable ? Outcome.Rejected
        : Outcome.Error;

    public LoadGenerator CreateGenerator(BenchContext context, HttpClient client) =>
        new(client, () => Request(context), Classify);

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.Options;
        if (SetupAsync is not null && await SetupAsync(context, cancellationToken) is { } notReady)
        {
            return [ScenarioResult.NotAvailable(Name, BaselineName, notReady)];
        }

        if (await ProbeAsync(context, cancellationToken) is { } unavailable)
        {
            BenchContext.Log($"{Name}: unavailable ({unavailable})");
            return [ScenarioResult.NotAvailable(Name, BaselineName, unavailable)];
        }

        using var client = context.CreateLoadClient(options.Connections);
        var generator = CreateGenerator(context, client);
        if (options.Warmup > TimeSpan.Zero)
        {
            await generator.ClosedLoopAsync(options.Connections, options.Warmup, cancellationToken);
        }

        var warmup = await WarmUntilJitQuietAsync(Name, context, generator, cancellationToken);
        var jitAtCapacity = await context.JitCompiledMethodsAsync(cancellationToken);
        var capacity = await generator.ClosedLoopAsync(options.Connections, options.Duration, cancellationToken);
        var jitAtLatency = await context.JitCompiledMethodsAsync(cancellationToken);
        BenchContext.Log($"{Name}: capacity {capacity.SuccessPerSecond:0.#}/s with {options.Connections} connections ({capacity.Errors + capacity.Rejected} errors)");
        if (capacity.Successes == 0)
        {
            // Nothing succeeded: the figures would describe error answers, not the scenario (a 0/s "PASS" is worse than none).
            var answers = string.Join(", ", capacity.Answers.Select(a => $"{a.Key}: {a.Value}"));
            return [ScenarioResult.NotAvailable(Name, BaselineName, $"no request succeeded in the capacity phase (answers {answers})")];
        }

        var rate = Math.Max(1, LatencyRate?.Invoke(context, capacity.SuccessPerSecond)
            ?? options.Rate ?? options.LoadFactor * capacity.SuccessPerSecond);
        // The open loop gets its own, larger pool: at a fixed rate the generator's pool must not be the queue.
        using var openClient = context.CreateLoadClient(options.OpenLoopConnections);
        Dictionary<string, object?>? sustainable = null;
        if (AlsoAtSustainableRate && rate > capacity.SuccessPerSecond)
        {
            var sustainableRate = Math.Max(1, options.LoadFactor * capacity.SuccessPerSecond);
            var atRate = await CreateGenerator(context, openClient).OpenLoopAsync(sustainableRate, options.Duration, maxInFlight: 10_000, cancellationToken);
            BenchContext.Log($"{Name}: at {sustainableRate:0.#}/s ({options.LoadFactor} × capacity) p50 {atRate.All.P50Ms:0.00} ms, p99 {atRate.All.P99Ms:0.00} ms ({atRate.Errors + atRate.Rejected + atRate.NotSent} errors)");
            sustainable = PhaseDetail(atRate);
            var settled = await context.SettleAsync(cancellationToken);
            sustainable["outboxWaitAfterSeconds"] = Math.Round(settled.Seconds, 1);
            // The backlog the phase left (with what the capacity phase before it left), and how fast the idle app drained it.
            sustainable["outboxPendingAfter"] = settled.PendingBefore;
            sustainable["outboxDrainPerSecond"] = settled.PendingAfter == 0 && settled.Seconds > 1 ? Math.Round(settled.PendingBefore / settled.Seconds, 1) : null;
        }

        var latency = await CreateGenerator(context, openClient).OpenLoopAsync(rate, options.Duration, maxInFlight: 10_000, cancellationToken);
        var jitAtEnd = await context.JitCompiledMethodsAsync(cancellationToken);
        BenchContext.Log($"{Name}: at {rate:0.#}/s p50 {latency.All.P50Ms:0.00} ms, p99 {latency.All.P99Ms:0.00} ms ({latency.Errors + latency.Rejected + latency.NotSent} errors)");

        return
        [
            new ScenarioResult
            {
                Name = Name,
                BaselineName = BaselineName,
                ThroughputPerSecond = capacity.SuccessPerSecond,
                Latency = latency.All,
                Errors = capacity.Errors + capacity.Rejected + latency.Errors + latency.Rejected + latency.NotSent,
                Detail = new Dictionary<string, object?>
                {
                    ["description"] = Description,
                    ["request"] = Target(context),
                    ["capacity"] = PhaseDetail(capacity),
                    ["latency"] = PhaseDetail(latency),
                    ["latencyAtLoadFactor"] = sustainable,
                    ["jit"] = new Dictionary<string, object?>
                    {
                        ["extraWarmupSeconds"] = Math.Round(warmup.Seconds, 1),
                        ["methodsPerSecondWhenMeasuringBegan"] = warmup.LastRate is { } r ? Math.Round(r, 1) : null,
                        ["compiledDuringCapacity"] = jitAtLatency - jitAtCapacity,
                        ["compiledDuringLatency"] = jitAtEnd - jitAtLatency,
                    },
                },
            },
        ];
    }

    /// <summary>JIT methods per second below which the app counts as warm (tiering done; a few late methods remain).</summary>
    public const double QuietJitMethodsPerSecond = 5;

    /// <summary>
    /// Keeps the closed-loop load on, in 2-second steps and at most <see cref="BenchOptions.JitWarmup"/>, while the app's
    /// JIT still compiles more than <see cref="QuietJitMethodsPerSecond"/> methods a second: tiered compilation re-compiles
    /// hot code in the background for tens of seconds after start, and a phase measured meanwhile measures the compiler.
    /// </summary>
    internal static async Task<(double Seconds, double? LastRate)> WarmUntilJitQuietAsync(string name, BenchContext context, LoadGenerator generator, CancellationToken cancellationToken)
    {
        var options = context.Options;
        var step = TimeSpan.FromSeconds(2);
        var started = System.Diagnostics.Stopwatch.StartNew();
        double? rate = null;
        while (started.Elapsed + step <= options.JitWarmup)
        {
            var before = await context.JitCompiledMethodsAsync(cancellationToken);
            var stepTimer = System.Diagnostics.Stopwatch.StartNew();
            await generator.ClosedLoopAsync(options.Connections, step, cancellationToken);
            var after = await context.JitCompiledMethodsAsync(cancellationToken);
            if (before is null || after is null)
            {
                break; // an app without /bench/runtime: the fixed warm-up only
            }

            rate = (after.Value - before.Value) / stepTimer.Elapsed.TotalSeconds;
            if (rate <= QuietJitMethodsPerSecond)
            {
                break;
            }

            BenchContext.Log($"{name}: the JIT still compiles {rate:0.#} methods/s; warming up on");
        }

        if (started.Elapsed.TotalSeconds >= 2)
        {
            BenchContext.Log($"{name}: warm-up {started.Elapsed.TotalSeconds:0} s more until the JIT was quiet ({rate:0.#} methods/s at the end)");
        }

        return (started.Elapsed.TotalSeconds, rate);
    }

    /// <summary>One request; null when it can be measured, else why not.</summary>
    private async Task<string?> ProbeAsync(BenchContext context, CancellationToken cancellationToken)
    {
        using var client = context.App.CreateClient();
        using var request = Request(context);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return $"{Target(context)} answers {status}: not in this build";
        }

        if (UnavailableOn.Contains(response.StatusCode))
        {
            return $"{Target(context)} answers {status}: {Excerpt(body)}";
        }

        if (response.StatusCode != Expected)
        {
            BenchContext.Log($"{Name}: warning: the probe answered {status}, expected {(int)Expected}: {Excerpt(body)}");
        }
        else if (CheckBody?.Invoke(body) is { } warning)
        {
            BenchContext.Log($"{Name}: warning: {warning}");
        }

        return null;
    }

    public static Dictionary<string, object?> PhaseDetail(PhaseResult phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        return new()
        {
            ["mode"] = phase.Mode,
            ["seconds"] = Math.Round(phase.ElapsedSeconds, 2),
            ["offeredPerSecond"] = phase.OfferedPerSecond > 0 ? Math.Round(phase.OfferedPerSecond, 1) : null,
            ["successPerSecond"] = Math.Round(phase.SuccessPerSecond, 1),
            ["requests"] = phase.Requests,
            ["notSent"] = phase.NotSent,
            // Every answer but the expected one (refusals such as 503 included), timeouts and requests not sent.
            ["failed"] = phase.Errors + phase.Rejected + phase.NotSent,
            ["p50Ms"] = Round(phase.All.P50Ms),
            ["p95Ms"] = Round(phase.All.P95Ms),
            ["p99Ms"] = Round(phase.All.P99Ms),
            ["maxMs"] = Round(phase.All.MaxMs),
            ["answers"] = phase.Answers,
        };
    }

    public static double? Round(double? value) => value is { } v ? Math.Round(v, 2) : null;

    private static string Excerpt(string body)
    {
        var oneLine = body.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 600 ? oneLine : oneLine[..600] + "…";
    }
}
