using System.Globalization;
using Madoguchi.Bench.Infrastructure;
using Madoguchi.Bench.Results;
using Madoguchi.Bench.Scenarios;

namespace Madoguchi.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/Madoguchi.Bench [-- options]</c>: build the app in Release,
/// start a throwaway PostgreSQL cluster and the app on it, run the scenarios with their baselines,
/// write bench/results/&lt;date&gt;.json and .md, print PASS/FAIL per goal, clean up.
/// </summary>
internal static class BenchProgram
{
    private const string AppDatabase = "madoguchi";

    public static async Task<int> Main(string[] args)
    {
        BenchOptions options;
        IReadOnlyList<IScenario> scenarios;
        try
        {
            options = BenchOptions.Parse(args);
            scenarios = ScenarioCatalog.Resolve(options.Scenarios);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(BenchOptions.Usage + string.Join(", ", ScenarioCatalog.All.Select(s => s.Name)));
            return 0;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await RunAsync(options, scenarios, cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled; the cluster and the app were stopped.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(BenchOptions options, IReadOnlyList<IScenario> scenarios, CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var form = FormFixture.Load(options.Form is { } f ? Path.GetFullPath(f) : Path.Combine(root, FormFixture.DefaultPath));
        var now = DateTimeOffset.UtcNow;
        var startedAt = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond));
        var commit = await MachineInfo.CommitAsync(root, cancellationToken);
        BenchContext.Log($"Madoguchi benchmark at {commit}: {string.Join(", ", scenarios.Select(s => s.Name))}; phases of {options.Duration.TotalSeconds} s after {options.Warmup.TotalSeconds} s warm-up, {options.Connections} connections");
        if (!options.NoBuild)
        {
            BenchContext.Log("Building src/Madoguchi.Web in Release…");
            await AppUnderTest.BuildAsync(root, cancellationToken);
        }

        if (AppUnderTest.NewerSource(root) is { } newer)
        {
            await Console.Error.WriteLineAsync($"The Release build {AppUnderTest.WebDll(root)} is older than {newer}: build it (dotnet build -c Release src/Madoguchi.Web) or run without --no-build.");
            return 1;
        }

        var work = Directory.CreateTempSubdirectory("madoguchi-bench.").FullName;
        try
        {
            BenchContext.Log("Starting a throwaway PostgreSQL cluster (fsync on)…");
            await using var postgres = await ThrowawayPostgres.StartAsync(options.PgBin, maxConnections: 300, cancellationToken);
            await postgres.CreateDatabaseAsync(AppDatabase, cancellationToken);
            var pgbenchVersion = (await Commands.RunAsync(Path.Combine(postgres.BinDirectory, "pgbench"), ["--version"], cancellationToken)).Output.Trim();

            BenchContext.Log($"Starting the app (Release, Production, demo data) on PostgreSQL port {postgres.Port}…");
            await using var app = await AppUnderTest.StartAsync(AppUnderTest.WebDll(root), Path.Combine(root, "src", "Madoguchi.Web"), AppSettings(postgres, work), TimeSpan.FromMinutes(2), cancellationToken);
            BenchContext.Log($"App pid {app.ProcessId} at {app.RootUri}");

            var context = new BenchContext
            {
                Options = options,
                App = app,
                Postgres = postgres,
                AppDatabase = AppDatabase,
                Form = form,
                WorkFolder = work,
            };
            foreach (var scenario in scenarios)
            {
                foreach (var result in await RunScenarioAsync(context, scenario, cancellationToken))
                {
                    context.Add(result);
                }
            }

            var report = BenchReport.Create(
                new MachineReport(MachineInfo.Cores, MachineInfo.MemoryGiB(), MachineInfo.Os()),
                commit, startedAt, LoadGeneratorDescription(options, pgbenchVersion), [.. context.Results]);
            var goals = Goals.Evaluate(report);
            var folder = options.Output is { } output ? Path.GetFullPath(output)
                : Path.Combine(root, "bench", "results", options.Quick ? "quick" : "");
            var (json, markdown) = await ReportWriter.WriteAsync(report, goals, folder, cancellationToken);

            Console.WriteLine();
            Console.WriteLine(ReportWriter.ToMarkdown(report, goals));
            foreach (var goal in goals)
            {
                Console.WriteLine($"{ReportWriter.Verdict(goal.Verdict),-4}  {goal.Goal}: {goal.Measured}");
            }

            Console.WriteLine();
            Console.WriteLine($"Wrote {json}");
            Console.WriteLine($"Wrote {markdown}");
            if (app.HasExited)
            {
                await Console.Error.WriteLineAsync($"The app exited during the run. Its last output:\n{app.LastOutput}");
                return 1;
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>A failing scenario is reported as unavailable with its error; the run goes on (unless the app died).</summary>
    private static async Task<IReadOnlyList<ScenarioResult>> RunScenarioAsync(BenchContext context, IScenario scenario, CancellationToken cancellationToken)
    {
        var baseline = scenario is HttpScenario http ? http.BaselineName : scenario is PgBenchInsertScenario ? Baselines.PgBenchInsert : Baselines.EmptyEndpoint;
        if (context.App.HasExited)
        {
            return [ScenarioResult.NotAvailable(scenario.Name, baseline, "the app had exited")];
        }

        BenchContext.Log($"== {scenario.Name}: {scenario.Description}");
        try
        {
            var settled = await context.SettleAsync(cancellationToken);
            if (settled.PendingBefore > 0)
            {
                BenchContext.Log($"{scenario.Name}: waited {settled.Seconds:0} s for the outbox backlog of earlier scenarios ({settled.PendingBefore} messages, {settled.PendingAfter} left)");
            }

            var settledDetail = new Dictionary<string, object?>
            {
                ["outboxPendingBefore"] = settled.PendingBefore,
                ["outboxPendingAtStart"] = settled.PendingAfter,
                ["waitedSeconds"] = Math.Round(settled.Seconds, 1),
            };
            return [.. (await scenario.RunAsync(context, cancellationToken)).Select(result => result.Unavailable is not null ? result
                : result with { Detail = new Dictionary<string, object?>(result.Detail) { ["settledBefore"] = settledDetail } })];
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            BenchContext.Log($"{scenario.Name}: failed: {e}");
            return [ScenarioResult.NotAvailable(scenario.Name, baseline, "failed: " + e.Message)];
        }
    }

    /// <summary>The app's configuration: Production with demo data, the bench endpoint on, the per-address API limit out of the way.</summary>
    private static Dictionary<string, string> AppSettings(ThrowawayPostgres postgres, string work) => new()
    {
        ["Database:Provider"] = "Postgres",
        ["ConnectionStrings:Madoguchi"] = postgres.ConnectionString(AppDatabase),
        ["Seed:Demo"] = "true",
        ["Demo:ApiKey"] = AppUnderTest.DemoApiKey,
        ["Bench:Enabled"] = "true",
        // All load comes from one loopback address: a per-address limit would measure the limiter, not the app (ADR 0040).
        ["RateLimits:PublicApiPerMinute"] = "1000000000",
        ["RateLimits:PublicPostsPerMinute"] = "1000000000",
        ["Email:PickupDirectory"] = Path.Combine(work, "mail"),
    };

    private static string LoadGeneratorDescription(BenchOptions options, string pgbenchVersion) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Madoguchi.Bench in-process generator (.NET {Environment.Version} HttpClient/SocketsHttpHandler, HTTP/1.1, same machine): closed loop with {options.Connections} connections for throughput, open loop at a fixed rate for latency (from scheduled time, no coordinated omission); {pgbenchVersion} for pgbench-insert");

    /// <summary>The folder holding Madoguchi.slnx, above the current directory or the harness's build output.</summary>
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Madoguchi.slnx")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the harness inside the Madoguchi repository (no Madoguchi.slnx found).");
    }
}
