using System.Net;
using System.Text.Json;
using Madoguchi.IntegrationTests.Support;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Madoguchi.IntegrationTests;

/// <summary>The app on an empty PostgreSQL database, and on none at all.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_OnEmptyPostgres_AppliesEveryMigrationSeedsMusashinoAndServes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, emptyDatabase: true);

        await using (var db = Db.Open(app.Database.ConnectionString))
        {
            var expected = db.Database.GetMigrations().ToList();
            Assert.NotEmpty(expected);
            var applied = await db.Database.SqlQuery<string>($"""SELECT "MigrationId" AS "Value" FROM "__EFMigrationsHistory" ORDER BY "MigrationId" """).ToListAsync(ct);
            Assert.Equal(expected.Order(StringComparer.Ordinal), applied);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        }

        var (departments, staff) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var organization = await db.Organizations.SingleAsync(ct);
            Assert.Equal("武蔵野市", organization.NameJa);
            Assert.Equal(DemoSeeder.OrganizationId, organization.Id);
            var names = await db.Departments.Select(d => d.NameJa).ToListAsync(ct);
            var users = await db.Users.Select(u => u.UserName!).ToListAsync(ct);
            return (names, users);
        });
        Assert.Contains("情報政策課", departments);
        Assert.Contains("市民課", departments);
        Assert.True(departments.Count >= 20, $"Only {departments.Count} departments were seeded.");
        Assert.Equal(DemoSeeder.Staff.Select(s => s.UserName).Order(StringComparer.Ordinal), staff.Order(StringComparer.Ordinal));

        using var client = app.CreateClient();
        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        using (var home = await client.GetAsync(new Uri("/", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Contains("武蔵野市", await home.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var openApi = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct))
        {
            Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
            using var document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync(ct));
            Assert.True(document.RootElement.TryGetProperty("openapi", out var version), "The OpenAPI document has no \"openapi\" field.");
            Assert.False(string.IsNullOrEmpty(version.GetString()));
        }

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("# TYPE", await metrics.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithDatabaseUnreachable_StartsLogsOneCriticalLineAndHealthzIs503()
    {
        var ct = TestContext.Current.CancellationToken;
        var closed = $"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=madoguchi;Timeout=3;Pooling=false";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Madoguchi"] = closed,
            ["Outbox:Enabled"] = "false",
        };
        var logs = new CollectingLoggerProvider();
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, settings, emptyDatabase: true);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));

        using var client = host.CreateClient();
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var unreachable = logs.Lines.Where(l => l.Message.Contains("Database unreachable at start", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(unreachable);
        Assert.Equal(LogLevel.Critical, line.Level);
    }

    /// <summary>A loopback port nobody listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
