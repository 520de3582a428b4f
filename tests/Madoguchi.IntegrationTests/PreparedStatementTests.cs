using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests;

/// <summary>
/// ADR 0066: on PostgreSQL the app's repeated queries are prepared on their connection, so the server
/// stops parsing and planning them on every request; a connection string can still turn it off.
/// </summary>
public sealed class PreparedStatementTests
{
    [Fact]
    public async Task AQueryTheAppRepeats_IsPreparedOnItsConnection()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var prepared = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            await db.Database.OpenConnectionAsync(ct);
            for (var i = 0; i < 6; i++)
            {
                var code = "code-" + i; // another value each time: one statement, new parameters
                Assert.Equal(0, await db.Departments.AsNoTracking().Where(d => d.Code == code).CountAsync(ct));
            }

            return await db.Database.SqlQuery<string>($"SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync(ct);
        });

        Assert.Contains(prepared, s => s.Contains("FROM platform_departments", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Host=db;Database=m", DatabaseServiceCollectionExtensions.DefaultMaxAutoPrepare)]
    [InlineData("Host=db;Database=m;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=m;MaxAutoPrepare=10", 10)]
    public void AutoPrepare_IsOnUnlessTheConnectionStringSays(string connectionString, int expected)
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(DatabaseServiceCollectionExtensions.WithAutoPrepare(connectionString));
        Assert.Equal(expected, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("m", result.Database);
    }
}
