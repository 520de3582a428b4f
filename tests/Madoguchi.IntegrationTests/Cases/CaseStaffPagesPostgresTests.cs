using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Cases.Intake;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.IntegrationTests.Cases;

/// <summary>
/// The staff inbox's queries on PostgreSQL: the filters (receipt search, assignee, status), the CSV and
/// 情報政策課's grouped counts translate and answer as on SQLite.
/// </summary>
public sealed class CaseStaffPagesPostgresTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<HttpClient> SignInAsync(MadoguchiApp app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<string> OpenCaseAsync(MadoguchiApp app, string family)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers(family)} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["receiptNumber"]!.GetValue<string>();
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            var message = await db.OutboxMessages.Where(m => m.Type == SubmissionReceived.Type).ToListAsync(Ct);
            var received = message.Select(Outbox.Read<SubmissionReceived>).Single(r => r.ReceiptNumber == receipt);
            return await services.GetRequiredService<SubmissionIntakeHandler>().OpenAsync(received, Ct);
        });
        return receipt;
    }

    [Fact]
    public async Task Inbox_Filters_Csv_AndStatistics_WorkOnPostgres()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        await TestForms.PublishAsync(app);
        var first = await OpenCaseAsync(app, "吉祥寺");
        var second = await OpenCaseAsync(app, "三鷹");
        using var shimin = await SignInAsync(app, "shimin@musashino.example");

        async Task<string> Get(HttpClient client, string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync(Ct);
        }

        var search = await Get(shimin, "/staff/cases?q=" + Uri.EscapeDataString(second[^6..].ToLowerInvariant()));
        Assert.Contains(second, search, StringComparison.Ordinal);
        Assert.DoesNotContain(first, search, StringComparison.Ordinal);
        var unassigned = await Get(shimin, "/staff/cases?status=received&assignee=unassigned&procedure=juminhyo-copy");
        Assert.Contains(first, unassigned, StringComparison.Ordinal);
        Assert.Contains(second, unassigned, StringComparison.Ordinal);
        Assert.DoesNotContain(first, await Get(shimin, "/staff/cases?assignee=me"), StringComparison.Ordinal);
        var csv = await Get(shimin, "/staff/cases/export.csv?status=received");
        Assert.Contains(first, csv, StringComparison.Ordinal);
        Assert.Contains(second, csv, StringComparison.Ordinal);

        using var itPolicy = await SignInAsync(app, "itpolicy@musashino.example");
        var statistics = await Get(itPolicy, "/staff/cases");
        Assert.Contains("id=\"statistics\"", statistics, StringComparison.Ordinal);
        Assert.DoesNotContain(first, statistics, StringComparison.Ordinal);
    }
}
