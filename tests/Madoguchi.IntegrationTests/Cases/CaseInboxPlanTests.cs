using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Inbox;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Madoguchi.IntegrationTests.Cases;

/// <summary>
/// 受付一覧 at 100,000 cases over 20 departments on PostgreSQL (issue 4's performance goal): a department's
/// first page, a filtered search and a far page are read from the inbox indexes — no plan node reads or sorts
/// the whole department — and the order staff see (open cases by due date, so overdue first; closed ones last)
/// holds across pages of the API.
/// </summary>
public sealed class CaseInboxPlanTests
{
    private const int Cases = 100_000;
    private const int Departments = 20;

    /// <summary>A department holds about 5,000 cases; a plan node reading more than this reads the department.</summary>
    private const long AtMost = 1_000;

    private static readonly string[] Closed = ["completed", "rejected", "withdrawn"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_At100kCases_ReadsTheIndex_AndKeepsOverdueFirstAcrossPages()
    {
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        var (department, code, procedure) = await SeedAsync(app.Database.ConnectionString);

        // IsOpen, computed by the database, agrees with the transition table for every status.
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var pairs = await db.Set<Case>().Select(c => new { c.Status, c.IsOpen }).Distinct().ToListAsync(Ct);
            Assert.Equal(Enum.GetValues<CaseStatus>().Length, pairs.Count);
            Assert.All(pairs, p => Assert.Equal(TransitionTable.IsOpen(p.Status), p.IsOpen));
            return 0;
        });

        // The plans, as PostgreSQL runs them (EXPLAIN ANALYZE of the very commands the page and the API send).
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var actor = new CaseActor(Guid.NewGuid(), "test", null, new HashSet<string>(), new HashSet<Guid> { department }, false);
            var firstPage = await ExplainAsync(db, CaseInbox.PageQuery(db, actor, new CaseFilter(), 0, 50));
            Assert.DoesNotContain("Sort", NodeTypes(firstPage));
            Assert.Contains("IX_cases_cases_inbox", firstPage.ToJsonString(), StringComparison.Ordinal);
            AssertNoNodeReadsTheDepartment(firstPage, "first page");

            var search = await ExplainAsync(db, CaseInbox.PageQuery(db, actor, new CaseFilter(CaseStatus.UnderReview, procedure), 0, 50));
            AssertNoNodeReadsTheDepartment(search, "search by status and procedure");

            // Page 41: the 2,000 rows before it are skipped in the index alone (index-only), never fetched or sorted.
            var farPage = await ExplainAsync(db, CaseInbox.PageQuery(db, actor, new CaseFilter(), 2_000, 50));
            Assert.All(Nodes(farPage).Where(n => Reads(n) > AtMost), n => Assert.Equal("Index Only Scan", n["Node Type"]!.GetValue<string>()));
            Assert.DoesNotContain(Nodes(farPage), n => n["Node Type"]!.GetValue<string>() == "Sort" && Reads(n) > 50);
            return 0;
        });

        // What staff see through the API: the whole department counted, overdue first, open before closed, by due date.
        using var api = app.CreateApiClient();
        var expectedTotal = await ScalarAsync(app.Database.ConnectionString, $"SELECT count(*) FROM cases_cases WHERE \"DepartmentId\" = '{department}'");
        var first = await PageAsync(api, code, 1);
        Assert.Equal(expectedTotal, first["total"]!.GetValue<long>());
        var items = first["items"]!.AsArray();
        Assert.Equal(50, items.Count);
        Assert.All(items, i => Assert.True(i!["overdue"]!.GetValue<bool>()));
        var pageCount = (int)((expectedTotal + 49) / 50);
        var walked = new List<JsonNode>();
        foreach (var number in new[] { 1, 2, 3, 20, 40, 41, 60, 80, pageCount - 1, pageCount })
        {
            var page = await PageAsync(api, code, number);
            Assert.Equal(number == pageCount ? (int)(expectedTotal - ((pageCount - 1) * 50L)) : 50, page["items"]!.AsArray().Count);
            walked.AddRange(page["items"]!.AsArray().Select(i => i!));
        }

        var keys = walked.Select(Key).ToList();
        Assert.Equal([.. keys.Order()], keys);
        Assert.False(Key(walked[0]).Closed);
        Assert.True(Key(walked[^1]).Closed);

        // A case that is completed leaves the top of the inbox at once (IsOpen follows the status in the database).
        var top = items[0]!["id"]!.GetValue<string>();
        await ExecuteAsync(app.Database.ConnectionString, $"UPDATE cases_cases SET \"Status\" = {(int)CaseStatus.Completed} WHERE \"Id\" = '{top}'");
        var after = (await PageAsync(api, code, 1))["items"]!.AsArray();
        Assert.DoesNotContain(after, i => i!["id"]!.GetValue<string>() == top);
        Assert.Equal(items[1]!["id"]!.GetValue<string>(), after[0]!["id"]!.GetValue<string>());
    }

    private sealed record SortKey(bool Closed, string Due, DateTimeOffset Submitted) : IComparable<SortKey>
    {
        public int CompareTo(SortKey? other) =>
            other is null ? 1
            : Closed != other.Closed ? Closed.CompareTo(other.Closed)
            : string.CompareOrdinal(Due, other.Due) is var due and not 0 ? due
            : Submitted.CompareTo(other.Submitted);
    }

    private static SortKey Key(JsonNode item) => new(
        Closed.Contains(item["status"]!.GetValue<string>()),
        item["dueDate"]?.GetValue<string>() ?? "9999-12-31",
        DateTimeOffset.Parse(item["submittedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture));

    private static async Task<JsonObject> PageAsync(HttpClient api, string department, int page) =>
        (await api.GetFromJsonAsync<JsonObject>($"/api/v1/cases?department={Uri.EscapeDataString(department)}&page={page}", Ct))!;

    /// <summary>Seeds the cases as the bench does (bench/Madoguchi.Bench/Scenarios/InboxScenarios.cs); returns the busiest department and its most frequent procedure.</summary>
    private static async Task<(Guid Department, string Code, string Procedure)> SeedAsync(string connectionString)
    {
        await ExecuteAsync(connectionString, $"""
            WITH org AS (SELECT "Id" FROM platform_organizations WHERE "Code" = '{DemoSeeder.OrganizationCode}'),
            d AS (SELECT array_agg("Id" ORDER BY "Code") AS ids FROM (
                    SELECT dep."Id", dep."Code" FROM platform_departments dep, org WHERE dep."OrganizationId" = org."Id" ORDER BY dep."Code" LIMIT {Departments}) x),
            p AS (SELECT array_agg(pr."Id" ORDER BY pr."Slug") AS ids, array_agg(pr."Slug" ORDER BY pr."Slug") AS slugs
                  FROM procedures_procedures pr, org WHERE pr."OrganizationId" = org."Id")
            INSERT INTO cases_cases ("Id", "OrganizationId", "SubmissionId", "ProcedureId", "ProcedureSlug", "ProcedureTitleJa", "ProcedureTitleEn",
                "DepartmentId", "ReceiptNumber", "ApplicantKey", "Status", "SubmittedAt", "OpenedAt", "UpdatedAt", "DueDate",
                "RouteJson", "RouteRound", "RouteStep", "Version")
            SELECT gen_random_uuid(), org."Id", gen_random_uuid(),
                p.ids[1 + g % array_length(p.ids, 1)], p.slugs[1 + g % array_length(p.ids, 1)], 'test', 'test',
                d.ids[1 + (g / 7) % array_length(d.ids, 1)], 'TEST-' || lpad(g::text, 8, '0'), md5(g::text),
                g % 7, now() - (g % 400) * interval '1 day', now() - (g % 400) * interval '1 day', now(),
                CASE WHEN g % 97 = 0 THEN NULL ELSE current_date + (g % 90 - 30) END, '[]', 0, 0, 1
            FROM generate_series(1, {Cases}) g, org, d, p;
            """);
        await ExecuteAsync(connectionString, "VACUUM ANALYZE cases_cases");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("""
            SELECT dep."Id", dep."Code",
                (SELECT c."ProcedureSlug" FROM cases_cases c WHERE c."DepartmentId" = dep."Id" AND c."Status" = 1 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1)
            FROM platform_departments dep JOIN cases_cases c ON c."DepartmentId" = dep."Id"
            GROUP BY dep."Id", dep."Code" ORDER BY count(*) DESC, dep."Code" LIMIT 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));
        return (reader.GetGuid(0), reader.GetString(1), reader.GetString(2));
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct), CultureInfo.InvariantCulture);
    }

    /// <summary>EXPLAIN (ANALYZE, FORMAT JSON) of the query's own command, parameters included; the root plan node.</summary>
    private static async Task<JsonObject> ExplainAsync(MadoguchiDb db, IQueryable<Case> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        try
        {
            var json = (string)(await command.ExecuteScalarAsync(Ct))!;
            var plan = JsonNode.Parse(json)!.AsArray()[0]!["Plan"]!.AsObject();
            TestContext.Current.TestOutputHelper?.WriteLine(plan.ToJsonString());
            return plan;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static IEnumerable<JsonObject> Nodes(JsonObject node) =>
        new[] { node }.Concat((node["Plans"] as JsonArray ?? []).SelectMany(child => Nodes(child!.AsObject())));

    private static List<string> NodeTypes(JsonObject plan) => [.. Nodes(plan).Select(n => n["Node Type"]!.GetValue<string>())];

    /// <summary>Rows a node produced plus those it read and threw away (per loop, times the loops).</summary>
    private static long Reads(JsonObject node) =>
        ((node["Actual Rows"]?.GetValue<long>() ?? 0) + (node["Rows Removed by Filter"]?.GetValue<long>() ?? 0) + (node["Rows Removed by Index Recheck"]?.GetValue<long>() ?? 0))
        * Math.Max(1, node["Actual Loops"]?.GetValue<long>() ?? 1);

    private static void AssertNoNodeReadsTheDepartment(JsonObject plan, string what)
    {
        var worst = Nodes(plan).MaxBy(Reads)!;
        Assert.True(Reads(worst) <= AtMost, $"{what}: {worst["Node Type"]} reads {Reads(worst)} rows (a department holds ~{Cases / Departments}): {plan.ToJsonString()}");
    }
}
