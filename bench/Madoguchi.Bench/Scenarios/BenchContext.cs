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
