using Madoguchi.Bench.Infrastructure;

namespace Madoguchi.Bench.Scenarios;

/// <summary>Everything a scenario can use: the running app, the cluster, the options and earlier results.</summary>
public sealed class BenchContext
{
    private readonly Dictionary<string, ScenarioResult> _results = new(StringComparer.Ordinal);

    public required BenchOptions Options { get; init; }

    public required AppUnderTest App { get; init; }

    public required ThrowawayPostgres Postgres { get; init; }

    /// <summary>The app's database (for scenarios that seed data, e.g. 100k cases).</summary>
    public required string AppDatabase { get; init; }

    public required FormFixture Form { get; init; }

    /// <summary>The submission body, serialised once.</summary>
    public byte[] SubmissionBody => _submissionBody ??= Form.SubmissionBody();

    /// <summary>A scratch folder for this run, removed afterwards.</summary>
    public required string WorkFolder { get; init; }

    /// <summary>Unique per run: prefixes Idempotency-Keys so runs never collide.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..12];

    private long _sequence;
    private byte[]? _submissionBody;

    public IReadOnlyCollection<ScenarioResult> Results => _results.Values;

    /// <summary>A number never handed out before in this run (all scenarios and phases share it).</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>An Idempotency-Key unique to this run and request.</summary>
    public string NextIdempotencyKey() => $"bench-{RunId}-{NextSequence()}";

    public void Add(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _results[result.Name] = result;
    }

    public ScenarioResult? Result(string name) => _results.GetValueOrDefault(name);

    /// <summary>A measured (available) result, or null.</summary>
    public ScenarioResult? Measured(string name) => Result(name) is { Unavailable: null } r ? r : null;

    /// <summary>Methods the app's JIT has compiled so far (GET /bench/runtime), or null when it cannot say.</summary>
    public async Task<long?> JitCompiledMethodsAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = App.CreateClient(TimeSpan.FromSeconds(5));
            using var runtime = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/bench/runtime", UriKind.Relative), cancellationToken));
            return runtime.RootElement.GetProperty("jitCompiledMethods").GetInt64();
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or KeyNotFoundException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Outbox messages still waiting for delivery in the app's database.</summary>
    public async Task<long> OutboxPendingAsync(CancellationToken cancellationToken) =>
        long.Parse((await Postgres.PsqlAsync(AppDatabase, "SELECT count(*) FROM platform_outbox_messages WHERE \"Status\" = 0", cancellationToken)).Trim(),
            System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Waits (up to <see cref="BenchOptions.Settle"/>) until the outbox work queued by earlier scenarios is delivered, so
    /// that each scenario is measured on an app that is not still catching up on the previous one. Returns what it saw.
    /// </summary>
    public async Task<SettleResult> SettleAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var first = await OutboxPendingAsync(cancellationToken);
        var pending = first;
        while (pending > 0 && started.Elapsed < Options.Settle)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            pending = await OutboxPendingAsync(cancellationToken);
        }

        return new SettleResult(first, pending, started.Elapsed.TotalSeconds);
    }

    public static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    /// <summary>A client for load: no cookies, no redirects, at most <paramref name="connections"/> connections, Host: localhost.</summary>
    public HttpClient CreateLoadClient(int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = Options.RequestTimeout,
        };
        var client = new HttpClient(handler) { BaseAddress = App.RootUri, Timeout = Options.RequestTimeout };
        client.DefaultRequestHeaders.Host = App.HostHeader;
        return client;
    }
}

/// <summary>The outbox backlog before a scenario: at the start of the wait, at its end, and how long it took.</summary>
public sealed record SettleResult(long PendingBefore, long PendingAfter, double Seconds);

