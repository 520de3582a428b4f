using System.Net;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Testing;

/// <summary>
/// The real app, hosted for a test on its own database, in demo mode with a known API key and a
/// pickup folder for email. Use <see cref="StartKestrelAsync"/> for a real socket (browser tests).
/// </summary>
public sealed class MadoguchiApp : WebApplicationFactory<Program>
{
    public const string DemoApiKey = "mdg_test_demo_key_0123456789abcdefghijklmnop";

    /// <summary>
    /// Every host watches its configuration files and web root for changes, and Linux allows a user only 128
    /// inotify instances: a test process with dozens of hosts (and other test processes beside it) ran out,
    /// and hosts failed to start. Tests never edit those files, so hosts here do not watch them.
    /// </summary>
    static MadoguchiApp()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    private readonly Dictionary<string, string?> _settings;
    private bool _kestrel;

    private MadoguchiApp(TestDatabase database, IDictionary<string, string?>? settings)
    {
        Database = database;
        MailDirectory = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "mail-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Madoguchi"] = database.ConnectionString,
            ["Seed:Demo"] = "true",
            ["Demo:ApiKey"] = DemoApiKey,
            ["Email:PickupDirectory"] = MailDirectory,
            ["Outbox:PollIntervalSeconds"] = "0.2",
            ["Outbox:BaseDelaySeconds"] = "0.2",
            ["RateLimits:SignInPerMinute"] = "1000",
            ["RateLimits:PublicApiPerMinute"] = "100000",
            ["RateLimits:PublicPostsPerMinute"] = "100000",
            // Concurrency tests fire many requests at once on purpose; AdmissionTests set their own small limits.
            ["Admission:PublicWriteConcurrency"] = "10000",
            ["Admission:PublicWriteQueue"] = "10000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public TestDatabase Database { get; }
    public string MailDirectory { get; }

    /// <summary>Where a Kestrel-hosted app listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri? RootUri { get; private set; }

    /// <param name="emptyDatabase">
    /// Start on a database with nothing in it (the app migrates and seeds it), for tests of exactly that; otherwise
    /// the database is a copy of one already migrated and seeded (see <see cref="DatabaseAsync"/>).
    /// </param>
    public static async Task<MadoguchiApp> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null, bool emptyDatabase = false)
    {
        var app = new MadoguchiApp(emptyDatabase ? await TestDatabase.CreateAsync(provider) : await DatabaseAsync(provider, settings), settings);
        _ = app.Server; // builds the host: migrations and demo seed run now
        return app;
    }

    /// <summary>Hosts the app on a real loopback socket, for a browser.</summary>
    public static async Task<MadoguchiApp> StartKestrelAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IDictionary<string, string?>? settings = null)
    {
        var app = new MadoguchiApp(await DatabaseAsync(provider, settings), settings) { _kestrel = true };
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        app.RootUri = new Uri(addresses.Addresses.First());
        return app;
    }

    /// <summary>
    /// A fresh database for one app: a copy of a template that a first app of this test process migrated and seeded
    /// with the same seed settings (and on the same day in Japan): migrating and seeding every module took most of
    /// each test's time. On SQLite the copy is the template file copied byte for byte; on PostgreSQL it is
    /// <c>CREATE DATABASE … TEMPLATE</c>, the server's own copy of the template database (schema, rows and sequence
    /// positions as a fresh start leaves them). The app still runs its start-up (migrations: none pending; demo seed:
    /// already there) on it. Tests of starting on an empty database ask for one (<c>emptyDatabase</c>).
    /// </summary>
    private static async Task<TestDatabase> DatabaseAsync(DatabaseProvider provider, IDictionary<string, string?>? settings)
    {
        var seedSettings = (settings ?? new Dictionary<string, string?>())
            .Where(s => s.Key.StartsWith("Seed", StringComparison.OrdinalIgnoreCase) || s.Key.StartsWith("Demo", StringComparison.OrdinalIgnoreCase)
                || s.Key.StartsWith("Database", StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToDictionary(s => s.Key, s => s.Value);
        var key = provider + ":" + string.Join(';', seedSettings.Select(s => $"{s.Key}={s.Value}")) + "@" + DateTime.UtcNow.AddHours(9).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = Templates.GetOrAdd(key, _ => new Lazy<Task<string>>(() => BuildTemplateAsync(seedSettings)));
            return TestDatabase.SqliteCopyOf(await template.Value);
        }

        var database = Templates.GetOrAdd(key, _ => new Lazy<Task<string>>(() => BuildPostgresTemplateAsync(seedSettings)));
        return await TestDatabase.PostgresCopyOfAsync(await database.Value);
    }

    /// <summary>Templates by provider, seed settings and day: a SQLite file's path or a PostgreSQL database's name.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    private static async Task<string> BuildPostgresTemplateAsync(Dictionary<string, string?> seedSettings)
    {
        var template = await TestDatabase.PostgresTemplateAsync();
        var settings = new Dictionary<string, string?>(seedSettings) { ["Outbox:Enabled"] = "false" };
        await using (var app = new MadoguchiApp(template, settings))
        {
            _ = app.Server; // migrations and demo seed
        }

        // Disposing the app disposed the template's TestDatabase, which ends every session on it (a copy needs none).
        return template.Name!;
    }

    private static async Task<string> BuildTemplateAsync(Dictionary<string, string?> seedSettings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "madoguchi-tests", "template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "template.db");
        var settings = new Dictionary<string, string?>(seedSettings) { ["Outbox:Enabled"] = "false" };
        await using (var app = new MadoguchiApp(TestDatabase.Sqlite(), settings))
        {
            _ = app.Server; // migrations and demo seed
            // SQLite's online backup: a consistent copy even if a background service writes meanwhile.
            await using var source = new Microsoft.Data.Sqlite.SqliteConnection(app.Database.ConnectionString);
            await using var target = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=false");
            await source.OpenAsync();
            await target.OpenAsync();
            source.BackupDatabase(target);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans its temp folder.
            }
        };
        return path;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserLikeClient(bool followRedirects = false) =>
        _kestrel
            ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = followRedirects, UseCookies = true }) { BaseAddress = RootUri }
            : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });

    public HttpClient CreateApiClient(string apiKey = DemoApiKey)
    {
        var client = _kestrel ? new HttpClient { BaseAddress = RootUri } : CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Runs <paramref name="action"/> in a scope acting for the organisation with <paramref name="organizationCode"/>.</summary>
    public async Task<T> InOrganizationAsync<T>(string organizationCode, Func<MadoguchiDb, IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
        var organization = db.Organizations.Single(o => o.Code == organizationCode);
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(organization);
        return await action(db, scope.ServiceProvider);
    }

    /// <summary>
    /// Waits (up to 30 s: the outbox delivers in the background) for an email whose subject or text contains
    /// <paramref name="containing"/>, and returns its recipients, subject and text, one per line.
    /// </summary>
    public async Task<string> WaitForMailAsync(string containing, CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < 300; i++)
        {
            if (Directory.Exists(MailDirectory))
            {
                foreach (var file in Directory.GetFiles(MailDirectory, "*.eml"))
                {
                    var message = await MimeKit.MimeMessage.LoadAsync(file, cancellationToken);
                    var body = message.TextBody ?? "";
                    if (body.Contains(containing, StringComparison.Ordinal) || (message.Subject ?? "").Contains(containing, StringComparison.Ordinal))
                    {
                        return string.Join('\n', message.To.ToString(), message.Subject, body);
                    }
                }
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"No email containing '{containing}' in {MailDirectory}.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        try
        {
            if (Directory.Exists(MailDirectory))
            {
                Directory.Delete(MailDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}
