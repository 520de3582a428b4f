using System.Globalization;

namespace Madoguchi.Bench;

/// <summary>Command-line options (see <see cref="Usage"/>).</summary>
public sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// After the fixed warm-up, HTTP scenarios warm up further while the app's JIT still compiles (tiering), up to
    /// this long: a server measured in steady state, not while it is still compiling the code under test. 0: off.
    /// </summary>
    public TimeSpan JitWarmup { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Before each scenario, wait up to this long for the outbox backlog of earlier scenarios to drain.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Concurrent connections of the closed-loop (capacity) phases; also pgbench's client count.</summary>
    public int Connections { get; init; } = 16;

    /// <summary>Fixed rate of every latency phase; null: each scenario's default (see ADR 0040).</summary>
    public double? Rate { get; init; }

    /// <summary>Latency phases of read scenarios run at this fraction of the capacity just measured.</summary>
    public double LoadFactor { get; init; } = 0.7;

    /// <summary>Selected scenario names; empty = all.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>Overload runs at these multiples of measured capacity.</summary>
    public IReadOnlyList<double> OverloadMultiples { get; init; } = [2, 5];

    /// <summary>
    /// Connections the open-loop phases (latency, overload) may open: arrivals are independent citizens,
    /// so the generator's pool must not become the queue. Connections open only as concurrency needs them.
    /// </summary>
    public int OpenLoopConnections { get; init; } = 512;

    /// <summary>Fixed rate of the end-to-end submissions phase.</summary>
    public double EndToEndRate { get; init; } = 300;

    /// <summary>Length of the end-to-end submissions phase.</summary>
    public TimeSpan EndToEndDuration { get; init; } = TimeSpan.FromSeconds(60);

    public bool Quick { get; init; }
    public bool NoBuild { get; init; }
    public string? Output { get; init; }
    public string? Form { get; init; }
    public string PgBin { get; init; } = Infrastructure.ThrowawayPostgres.DefaultBin;
    public bool Help { get; init; }

    /// <summary>Request timeout: an answer slower than this is an error.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public const string Usage = """
        Madoguchi benchmark harness: starts the app (Release) on a throwaway PostgreSQL cluster, drives
        HTTP load from this process and writes bench/results/<date>.json and .md.

        dotnet run -c Release --project bench/Madoguchi.Bench [-- options]

          --duration <s>            seconds of each measured phase (default 10)
          --warmup <s>              seconds of warm-up before each scenario (default 3)
          --jit-warmup <s>          then warm up further while the app's JIT still compiles, at most
                                    this long (default 60; 0 = off)
          --settle <s>              before each scenario, wait at most this long for the outbox backlog
                                    of earlier scenarios to drain (default 180)
          --connections <n>         closed-loop connections and pgbench clients (default 16)
          --rate <n>                fixed request rate of every latency phase (default: submissions at
                                    0.5 x the pgbench rate, others at --load-factor x their capacity)
          --load-factor <f>         fraction of capacity for read latency phases (default 0.7)
          --scenarios <a,b,...>     run only these (and the baselines they need); names below
          --overload-multiples <..> multiples of capacity for the overload run (default 2,5)
          --open-connections <n>    connections the open-loop phases may open (default 512)
          --end-to-end-rate <n>     fixed rate of submissions-end-to-end (default 300)
          --end-to-end-seconds <s>  length of submissions-end-to-end (default 60)
          --quick                   smoke run for CI: 1 s phases, 4 connections, results under bench/results/quick/
          --output <dir>            where results go (default bench/results)
          --form <file>             submission answers and form step (default bench/forms/juminhyo-copy.json)
          --no-build                use the existing Release build of src/Madoguchi.Web
          --pg-bin <dir>            PostgreSQL binaries (default /usr/lib/postgresql/15/bin)

        Scenarios: 
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        var quick = args.Contains("--quick");
        if (quick)
        {
            options = options with
            {
                Quick = true,
                Duration = TimeSpan.FromSeconds(1),
                Warmup = TimeSpan.FromSeconds(0.5),
                JitWarmup = TimeSpan.Zero,
                Settle = TimeSpan.FromSeconds(10),
                Connections = 4,
                OverloadMultiples = [5],
                OpenLoopConnections = 64,
                EndToEndDuration = TimeSpan.FromSeconds(2),
            };
        }

        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--quick" => options,
                "--help" or "-h" => options with { Help = true },
                "--no-build" => options with { NoBuild = true },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(name, Value())) },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--jit-warmup" => options with { JitWarmup = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--settle" => options with { Settle = TimeSpan.FromSeconds(NonNegative(name, Value())) },
                "--connections" => options with { Connections = (int)Positive(name, Value()) },
                "--rate" => options with { Rate = Positive(name, Value()) },
                "--load-factor" => options with { LoadFactor = Positive(name, Value()) },
                "--scenarios" => options with { Scenarios = List(Value()) },
                "--overload-multiples" => options with { OverloadMultiples = [.. List(Value()).Select(v => Positive(name, v))] },
                "--open-connections" => options with { OpenLoopConnections = (int)Positive(name, Value()) },
                "--end-to-end-rate" => options with { EndToEndRate = Positive(name, Value()) },
                "--end-to-end-seconds" => options with { EndToEndDuration = TimeSpan.FromSeconds(Positive(name, Value())) },
                "--output" => options with { Output = Value() },
                "--form" => options with { Form = Value() },
                "--pg-bin" => options with { PgBin = Value() },
                _ => throw new ArgumentException($"Unknown option {name}. Use --help."),
            };
        }

        return options;
    }

    private static string[] List(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive number, not '{value}'.");

    private static double NonNegative(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number >= 0
            ? number
            : throw new ArgumentException($"{name} must be zero or more, not '{value}'.");
}
