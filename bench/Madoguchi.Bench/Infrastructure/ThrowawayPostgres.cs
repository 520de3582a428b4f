namespace Madoguchi.Bench.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own for one benchmark run: initdb in a temporary folder, started with
/// pg_ctl on a free loopback port with the durable defaults (fsync and synchronous_commit on), and
/// removed afterwards. The server refuses to run as root, so as root initdb and pg_ctl run as the
/// unprivileged <c>postgres</c> user (as scripts/test.sh does); clients connect over TCP with trust auth.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    public const string DefaultBin = "/usr/lib/postgresql/15/bin";
    private const string ServerUser = "postgres";

    private readonly string _bin;
    private readonly string _folder;
    private bool _started;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string DataDirectory => Path.Combine(_folder, "data");

    /// <summary>The server's log (slow queries, checkpoints, errors).</summary>
    public string LogFile => Path.Combine(_folder, "postgres.log");

    public string BinDirectory => _bin;

    public string ConnectionString(string database, int? maxPoolSize = null) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true"
        + (maxPoolSize is { } max ? $";Maximum Pool Size={max}" : "");

    public static async Task<ThrowawayPostgres> StartAsync(string bin, int maxConnections, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException($"No initdb in {bin}. Install PostgreSQL (apt-get install postgresql) or pass --pg-bin.");
        }

        var folder = Directory.CreateTempSubdirectory("madoguchi-bench-pg.").FullName;
        var cluster = new ThrowawayPostgres(bin, folder, FreePort.Next());
        try
        {
            if (IsRoot)
            {
                (await Commands.RunAsync("chown", [ServerUser, folder], cancellationToken)).EnsureSuccess("chown of the cluster folder");
            }

            (await cluster.RunAsServerUserAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                cancellationToken)).EnsureSuccess("initdb");
            // Durable defaults on purpose (fsync, synchronous_commit, full_page_writes): the figures must be honest.
            var serverOptions = $"-p {cluster.Port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections={maxConnections}";
            (await cluster.RunAsServerUserAsync("pg_ctl", ["-D", cluster.DataDirectory, "-l", cluster.LogFile, "-o", serverOptions, "-w", "-t", "60", "start"],
                cancellationToken)).EnsureSuccess("pg_ctl start");
            cluster._started = true;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs SQL with psql in <paramref name="database"/>, stopping at the first error.</summary>
    public async Task<string> PsqlAsync(string database, string sql, CancellationToken cancellationToken) =>
        (await Commands.RunAsync(Path.Combine(_bin, "psql"),
            ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres", "-d", database,
             "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-c", sql], cancellationToken)).EnsureSuccess($"psql ({sql[..Math.Min(sql.Length, 60)]}…)").Output;

    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken) =>
        await PsqlAsync("postgres", $"CREATE DATABASE \"{name}\"", cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            _started = false;
            await RunAsServerUserAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"Could not remove {_folder}: {e.Message}");
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task<Commands.Result> RunAsServerUserAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        IsRoot
            ? Commands.RunAsync("runuser", ["-u", ServerUser, "--", Path.Combine(_bin, program), .. arguments], cancellationToken, workingDirectory: _folder)
            : Commands.RunAsync(Path.Combine(_bin, program), arguments, cancellationToken, workingDirectory: _folder);
}
