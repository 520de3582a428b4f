using System.Diagnostics;
using System.Net;

namespace Madoguchi.Bench.Infrastructure;

/// <summary>
/// The web app as a separate OS process (<c>dotnet Madoguchi.Web.dll</c> from the Release build), in
/// the Production environment with demo data seeded, on a free loopback port. Its output is drained
/// (the last lines are kept for error messages). Disposing stops it.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    /// <summary>The demo organisation's API key (Demo:ApiKey) in benchmark runs.</summary>
    public const string DemoApiKey = "mdg_bench_demo_key_0123456789abcdefghijklmnop";

    private const int KeptLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();

    private AppUnderTest(Process process, Uri rootUri)
    {
        _process = process;
        RootUri = rootUri;
    }

    public Uri RootUri { get; }

    /// <summary>The Host header requests carry: the demo organisation answers on localhost.</summary>
    public string HostHeader => $"localhost:{RootUri.Port}";

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LastOutput
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join('\n', _lastLines);
            }
        }
    }

    /// <summary>src/Madoguchi.Web/bin/Release/net10.0/Madoguchi.Web.dll under <paramref name="repositoryRoot"/>.</summary>
    public static string WebDll(string repositoryRoot) =>
        Path.Combine(repositoryRoot, "src", "Madoguchi.Web", "bin", "Release", "net10.0", "Madoguchi.Web.dll");

    /// <summary>dotnet build -c Release of the web project.</summary>
    public static async Task BuildAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        (await Commands.RunAsync("dotnet", ["build", Path.Combine("src", "Madoguchi.Web", "Madoguchi.Web.csproj"), "-c", "Release", "-nologo", "-v", "minimal"],
            cancellationToken, workingDirectory: repositoryRoot)).EnsureSuccess("dotnet build -c Release src/Madoguchi.Web");

    /// <summary>
    /// Null when the Release build is at least as new as every C# and Razor file under src/, else the
    /// newest such file: measuring a stale build would report figures for code that is not there.
    /// (Compares with the newest Madoguchi.*.dll beside the app: a change in any project rebuilds its dll.)
    /// </summary>
    public static string? NewerSource(string repositoryRoot)
    {
        var bin = Path.GetDirectoryName(WebDll(repositoryRoot))!;
        if (!File.Exists(WebDll(repositoryRoot)))
        {
            return "(no build)";
        }

        var built = Directory.EnumerateFiles(bin, "Madoguchi.*.dll").Max(File.GetLastWriteTimeUtc);
        var newest = Directory.EnumerateFiles(Path.Combine(repositoryRoot, "src"), "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" && !SkippedFolders.Any(s => f.Contains(s, StringComparison.Ordinal)))
            .Select(f => new FileInfo(f))
            .MaxBy(f => f.LastWriteTimeUtc);
        return newest is not null && newest.LastWriteTimeUtc > built ? newest.FullName : null;
    }

    private static readonly string[] SkippedFolders = [.. new[] { "bin", "obj", "node_modules" }.Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}")];

    public static async Task<AppUnderTest> StartAsync(string dll, string contentRoot, IDictionary<string, string> settings, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The web app is not built at {dll} (run without --no-build).");
        }

        var root = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var info = new ProcessStartInfo("dotnet")
        {
            // Content root = the project folder, as in a published app: wwwroot is there, not in bin/.
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.Environment["ASPNETCORE_URLS"] = root.ToString().TrimEnd('/');
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info };
        var app = new AppUnderTest(process, root);
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitHealthyAsync(startTimeout, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client for probes and checks (not for load: scenarios make their own handlers).</summary>
    public HttpClient CreateClient(TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = RootUri, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Host = HostHeader;
        return client;
    }

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return false;
        }

        using var client = CreateClient(TimeSpan.FromSeconds(5));
        try
        {
            using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was healthy. Output:\n{LastOutput}");
            }

            if (await IsHealthyAsync(cancellationToken))
            {
                return;
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"The app did not answer /healthz 200 within {timeout}. Output:\n{LastOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }
}
