using System.Net;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Tests.ApiKeys;
using Madoguchi.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Audit;

public sealed class AuditChainTests
{
    private static async Task MakeSomeChangesAsync(HttpClient client)
    {
        for (var i = 0; i < 3; i++)
        {
            var created = await ApiJson.ReadAsync(await ApiJson.PostAsync(client, "/api/v1/api-keys", new { name = $"key {i}", scopes = new[] { ApiScopes.OrganizationRead } }));
            Assert.Equal(HttpStatusCode.NoContent, (await ApiJson.DeleteAsync(client, $"/api/v1/api-keys/{created.GetProperty("id").GetGuid()}")).StatusCode);
        }
    }

    private static Task<int> ExecuteSqlAsync(MadoguchiApp app, string sql) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Database.ExecuteSqlRawAsync(sql, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Verify_AfterSeveralChanges_ReportsAnIntactChain()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        await MakeSomeChangesAsync(client);

        var response = await ApiJson.GetAsync(client, "/api/v1/audit/verify");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ApiJson.ReadAsync(response);
        Assert.True(result.GetProperty("isIntact").GetBoolean());
        Assert.True(result.GetProperty("entriesChecked").GetInt64() > 10);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("firstBrokenSequence").ValueKind);
        var output = new StringWriter();
        Assert.Equal(0, await DatabaseInitializer.VerifyAuditAsync(app.Services, output, TestContext.Current.CancellationToken));
        Assert.Contains("MSN: intact", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenARowWasAltered_ReportsThatRow_InApiAndCommand()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        await MakeSomeChangesAsync(client);

        Assert.Equal(1, await ExecuteSqlAsync(app, """UPDATE platform_audit_entries SET "Details"='x' WHERE "Sequence"=3"""));

        var result = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/audit/verify"));
        Assert.False(result.GetProperty("isIntact").GetBoolean());
        Assert.Equal(3, result.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("altered", result.GetProperty("problem").GetString()!, StringComparison.Ordinal);

        var output = new StringWriter();
        Assert.Equal(1, await DatabaseInitializer.VerifyAuditAsync(app.Services, output, TestContext.Current.CancellationToken));
        Assert.Contains("MSN: BROKEN at entry 3", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenARowWasDeleted_ReportsTheMissingRow()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        await MakeSomeChangesAsync(client);

        Assert.Equal(1, await ExecuteSqlAsync(app, """DELETE FROM platform_audit_entries WHERE "Sequence"=5"""));

        var result = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/audit/verify"));
        Assert.False(result.GetProperty("isIntact").GetBoolean());
        Assert.Equal(5, result.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Contains("missing", result.GetProperty("problem").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenARowWasRewrittenWithAFreshHash_ReportsTheBrokenLinkAfterIt()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var entry = await db.AuditEntries.SingleAsync(e => e.Sequence == 4, TestContext.Current.CancellationToken);
            entry.Details = "forged";
            entry.Hash = entry.ComputeHash(); // a careful forger recomputes the row's own hash
            await db.AuditEntries.Where(e => e.Id == entry.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Details, entry.Details).SetProperty(e => e.Hash, entry.Hash), TestContext.Current.CancellationToken);
            var result = await AuditVerifier.VerifyAsync(db, db.CurrentOrganizationId, TestContext.Current.CancellationToken);
            Assert.Equal(5, result.FirstBrokenSequence);
            return 0;
        });
    }

    [Fact]
    public async Task Entries_ArePagedInChainOrder_AndTakeIsChecked()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        var page = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/audit/entries?after=2&take=3"));

        Assert.Equal([3L, 4L, 5L], page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));
        Assert.Equal(5, page.GetProperty("next").GetInt64());
        var problem = await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(client, "/api/v1/audit/entries?take=0"), 400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    [Fact]
    public async Task ReadingStaff_IsAudited_WithIdsButNeverValues()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        var response = await ApiJson.GetAsync(client, "/api/v1/staff");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var staff = await ApiJson.ReadAsync(response);
        var admin = staff.EnumerateArray().Single(s => s.GetProperty("userName").GetString() == "admin@musashino.example");
        Assert.Contains(StaffRoles.SystemAdmin, admin.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("it-policy", admin.GetProperty("departments").EnumerateArray().Select(r => r.GetString()));
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var read = await db.AuditEntries.SingleAsync(e => e.Action == "staff.read", TestContext.Current.CancellationToken);
            Assert.StartsWith("apikey:", read.Actor, StringComparison.Ordinal);
            foreach (var person in staff.EnumerateArray())
            {
                Assert.Contains(person.GetProperty("id").GetGuid().ToString(), read.Details, StringComparison.Ordinal);
                Assert.DoesNotContain(person.GetProperty("userName").GetString()!, read.Details + read.EntityId, StringComparison.Ordinal);
                Assert.DoesNotContain(person.GetProperty("displayName").GetString()!, read.Details + read.EntityId, StringComparison.Ordinal);
            }

            return 0;
        });
        Assert.True((await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/audit/verify"))).GetProperty("isIntact").GetBoolean());
    }
}
