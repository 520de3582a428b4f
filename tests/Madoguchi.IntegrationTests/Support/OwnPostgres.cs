using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Madoguchi.IntegrationTests.Support;

/// <summary>
/// A PostgreSQL cluster for one test that may be stopped and restarted (the shared cluster of scripts/test.sh
/// serves other test projects at the same time and must never be touched). initdb in a temporary folder, on a
/// free loopback port; as root the server runs as the unprivileged <c>postgres</c> user, like scripts/test.sh.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";
    private readonly string _folder;
    private bool _running;

    private OwnPostgres(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    private string Data => Path.Combine(_folder, "data");

    public string ConnectionString(string database = "postgres") => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Timeout=5";

    public static async Task<OwnPostgres> StartAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("madoguchi-own-pg.").FullName;
        var cluster = new OwnPostgres(folder, FreePort());
        try
        {
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres", folder], folder, ct);
            }

            await cluster.ServerAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], ct);
            await cluster.StartServerAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server the hard way (<c>-m immediate</c>: no checkpoint, clients cut off, crash recovery on start).</summary>
    public async Task CrashAsync(CancellationToken ct)
    {
        await ServerAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], ct);
        _running = false;
    }

    public async Task StartServerAsync(CancellationToken ct)
    {
        var options = $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off";
        await ServerAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "pg.log"), "-o", options, "-w", "-t", "60", "start"], ct);
        _running = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await ServerAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"], CancellationToken.None);
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private Task ServerAsync(string program, string[] arguments, CancellationToken ct) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, program), .. arguments], _folder, ct)
            : RunAsync(Path.Combine(Bin, program), arguments, _folder, ct);

    private static async Task RunAsync(string file, string[] arguments, string directory, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
