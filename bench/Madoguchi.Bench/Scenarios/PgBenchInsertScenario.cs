using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Madoguchi.Bench.Infrastructure;
using Madoguchi.Bench.Load;

namespace Madoguchi.Bench.Scenarios;

/// <summary>
/// The durable-write baseline: pgbench inserting one submission-shaped row per transaction (uuid key,
/// organisation, procedure, receipt number from a sequence under a unique index, the bench form's
/// answers as jsonb, timestamps) into its own database on the same cluster, with the same client count
/// as the HTTP scenarios' connections, prepared statements, fsync and synchronous_commit on.
/// </summary>
public sealed partial class PgBenchInsertScenario : IScenario
{
    private const string Database = "bench_pgbench";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => Baselines.PgBenchInsert;

    public string Description => "pgbench: one submission-shaped row (jsonb answers, unique receipt number) per transaction";

    public IReadOnlyList<string> Needs => [];

    public async Task<IReadOnlyList<ScenarioResult>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pg = context.Postgres;
        await pg.CreateDatabaseAsync(Database, cancellationToken);
        await pg.PsqlAsync(Database, """
            CREATE SEQUENCE bench_receipt_seq;
            CREATE TABLE bench_submissions (
                id uuid PRIMARY KEY,
                organization_id uuid NOT NULL,
                procedure_slug text NOT NULL,
                form_version integer NOT NULL,
                receipt_number text NOT NULL UNIQUE,
                status text NOT NULL,
                answers jsonb NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL
            );
            """, cancellationToken);

        var script = Path.Combine(context.WorkFolder, "pgbench-insert.sql");
        await File.WriteAllTextAsync(script, Script(context.Form.Slug, context.Form.Answers.ToJsonString()), cancellationToken);
        var clients = context.Options.Connections;
        var threads = Math.Min(clients, Environment.ProcessorCount);
        if (context.Options.Warmup >= TimeSpan.FromSeconds(1))
        {
            await PgBenchAsync(context, script, clients, threads, context.Options.Warmup, logPrefix: null, cancellationToken);
        }

        var logPrefix = Path.Combine(context.WorkFolder, "pgbench-log");
        var output = await PgBenchAsync(context, script, clients, threads, context.Options.Duration, logPrefix, cancellationToken);
        var tps = TransactionsPerSecond(output);
        var failed = FailedTransactions(output);
        var latencies = new List<double>();
        foreach (var file in Directory.GetFiles(context.WorkFolder, "pgbench-log*"))
        {
            latencies.AddRange(ReadLatencies(File.ReadLines(file)));
        }

        var summary = Percentiles.Summarize(latencies);
        BenchContext.Log($"{Name}: {tps:0.#} tps with {clients} clients, p99 {summary.P99Ms:0.00} ms");
        return
        [
            new ScenarioResult
            {
                Name = Name,
                BaselineName = Baselines.PgBenchInsert,
                ThroughputPerSecond = tps,
                Latency = summary,
                Errors = failed,
                Detail = new Dictionary<string, object?>
                {
                    ["description"] = Description,
                    ["clients"] = clients,
                    ["threads"] = threads,
                    ["transactions"] = latencies.Count,
                    ["script"] = "INSERT INTO bench_submissions … (one row per transaction, -M prepared)",
                },
            },
        ];
    }

    /// <summary>
    /// The pgbench script. JSON is written with a space after each colon: pgbench would read
    /// <c>:name</c> as a variable. Single quotes are doubled for the SQL literal.
    /// </summary>
    public static string Script(string slug, string answersJson)
    {
        var spaced = JsonSerializer.Serialize(JsonDocument.Parse(answersJson).RootElement, Indented).ReplaceLineEndings(" ");
        var literal = spaced.Replace("'", "''", StringComparison.Ordinal);
        return $"""
            INSERT INTO bench_submissions (id, organization_id, procedure_slug, form_version, receipt_number, status, answers, created_at, updated_at) VALUES (gen_random_uuid(), '7d9c1f3e-0000-4000-8000-000000000001', '{slug.Replace("'", "''", StringComparison.Ordinal)}', 1, 'MSN-2026-' || lpad(nextval('bench_receipt_seq')::text, 6, '0'), 'received', '{literal}'::jsonb, now(), now());

            """;
    }

    /// <summary>"tps = 7512.345 (without initial connection time)".</summary>
    public static double TransactionsPerSecond(string output)
    {
        var match = TpsPattern().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"No tps in pgbench's output:\n{output}");
    }

    /// <summary>"number of failed transactions: 0 (0.000%)" (pgbench 15); 0 when absent.</summary>
    public static long FailedTransactions(string output)
    {
        var match = FailedPattern().Match(output);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Per-transaction log lines "client_id transaction_no time script_no time_epoch time_us": the third field is the latency in µs.</summary>
    public static IEnumerable<double> ReadLatencies(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 3 && long.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
            {
                yield return micros / 1000.0;
            }
        }
    }

    private static async Task<string> PgBenchAsync(BenchContext context, string script, int clients, int threads, TimeSpan duration, string? logPrefix, CancellationToken cancellationToken)
    {
        var pg = context.Postgres;
        List<string> arguments =
        [
            "-h", "127.0.0.1", "-p", pg.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-n", "-M", "prepared", "-f", script,
            "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", threads.ToString(CultureInfo.InvariantCulture),
            "-T", Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
        ];
        if (logPrefix is not null)
        {
            arguments.AddRange(["--log", "--log-prefix", logPrefix]);
        }

        arguments.Add(Database);
        var result = await Commands.RunAsync(Path.Combine(pg.BinDirectory, "pgbench"), arguments, cancellationToken, workingDirectory: context.WorkFolder);
        return result.EnsureSuccess("pgbench").Output;
    }

    [GeneratedRegex(@"tps = ([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex TpsPattern();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex FailedPattern();
}
