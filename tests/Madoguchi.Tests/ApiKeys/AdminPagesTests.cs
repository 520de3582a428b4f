using System.Net;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.ApiKeys;

public sealed class AdminPagesTests
{
    private const string Admin = "admin@musashino.example";

    private static async Task<AngleSharp.Dom.IDocument> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Basic accessibility of the markup: labelled inputs, scoped headers, one h1.</summary>
    private static void AssertAccessibleMarkup(AngleSharp.Dom.IDocument page)
    {
        Assert.Single(page.QuerySelectorAll("main h1"));
        foreach (var input in page.QuerySelectorAll("main input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.All(page.QuerySelectorAll("main th"), th => Assert.False(string.IsNullOrEmpty(th.GetAttribute("scope"))));
        Assert.All(page.QuerySelectorAll("main input[type=checkbox]"), c => Assert.NotNull(c.Closest("fieldset")?.QuerySelector("legend")));
    }

    [Fact]
    public async Task AdminPages_NeedASignedInSystemAdmin()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var anonymous = app.CreateBrowserLikeClient();
        using var staff = await StaffSignIn.SignedInClientAsync(app, "shimin@musashino.example");

        foreach (var path in new[] { "/staff/admin/api-keys", "/staff/admin/outbox", "/staff/admin/audit" })
        {
            var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/staff/sign-in", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);
            var forbidden = await staff.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
            Assert.Contains("access-denied", forbidden.Headers.Location?.ToString() ?? "access-denied", StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ApiKeysPage_IssuesAKey_ShowsTheSecretOnce_AndRevokes()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = await StaffSignIn.SignedInClientAsync(app, Admin);
        var page = await GetPageAsync(client, "/staff/admin/api-keys");
        AssertAccessibleMarkup(page);
        Assert.Equal(ApiScopes.All.Count, page.QuerySelectorAll("fieldset input[type=checkbox][name=Scopes]").Length);

        var created = await Html.SubmitAsync(client, page, "#create-form", new Dictionary<string, string> { ["Name"] = "財務会計システム", ["Scopes"] = ApiScopes.OrganizationRead });

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var shown = await Html.ParseAsync(created);
        var secret = shown.QuerySelector("#new-secret")!.TextContent.Trim();
        Assert.StartsWith("mdg_", secret, StringComparison.Ordinal);
        Assert.Contains("一度", shown.QuerySelector(".notice--warning")!.TextContent, StringComparison.Ordinal);
        using (var api = app.CreateApiClient(secret))
        {
            Assert.Equal(HttpStatusCode.OK, (await ApiJson.GetAsync(api, "/api/v1/organization")).StatusCode);
        }

        var again = await GetPageAsync(client, "/staff/admin/api-keys");
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("財務会計システム", again.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Name == "財務会計システム", TestContext.Current.CancellationToken);
            Assert.NotNull(key.CreatedBy);
            var notice = await db.OutboxMessages.SingleAsync(TestContext.Current.CancellationToken);
            var email = Madoguchi.Platform.Outbox.Outbox.Read<Madoguchi.Platform.Email.EmailMessage>(notice);
            Assert.Contains("システム 管理者 (admin@musashino.example)", email.TextBody, StringComparison.Ordinal); // who issued it
            return 0;
        });

        var revokeForm = again.QuerySelectorAll("table form").Select(f => f).First(f => f.ParentElement!.ParentElement!.TextContent.Contains("財務会計システム", StringComparison.Ordinal));
        revokeForm.Id = "revoke-form";
        var revoked = await Html.SubmitAsync(client, again, "#revoke-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await GetPageAsync(client, revoked.Headers.Location!.ToString());
        Assert.NotNull(after.QuerySelector(".notice--success"));
        using (var api = app.CreateApiClient(secret))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await ApiJson.GetAsync(api, "/api/v1/organization")).StatusCode);
        }
    }

    [Fact]
    public async Task ApiKeysPage_WithErrors_ShowsAnErrorSummary_AndKeepsWhatWasTyped()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = await StaffSignIn.SignedInClientAsync(app, Admin);
        var page = await GetPageAsync(client, "/staff/admin/api-keys");

        var response = await Html.SubmitAsync(client, page, "#create-form", new Dictionary<string, string> { ["Name"] = "入力した名前" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Html.ParseAsync(response);
        var links = result.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#scope-organization-read"], links);
        Assert.Equal("入力した名前", result.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.NotNull(result.QuerySelector("#scopes-error"));
        AssertAccessibleMarkup(result);

        var empty = await Html.ParseAsync(await Html.SubmitAsync(client, result, "#create-form", new Dictionary<string, string> { ["Name"] = "", ["Scopes"] = ApiScopes.AuditRead }));
        Assert.Equal(["#Name"], empty.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("true", empty.QuerySelector("#Name")!.GetAttribute("aria-invalid"));
        Assert.NotNull(empty.QuerySelector("#scope-audit-read[checked]"));
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            Assert.Equal(1, await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken)); // only the demo key
            return 0;
        });
    }

    [Fact]
    public async Task OutboxPage_ListsDeadLettersWithTheirError_AndRetryRequeues()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var id = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(),
                Type = "email",
                Payload = "{}",
                Status = OutboxStatus.DeadLetter,
                Attempts = 8,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
                LastError = "SmtpCommandException: mailbox unavailable",
            };
            db.OutboxMessages.Add(message);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            return message.Id;
        });
        using var client = await StaffSignIn.SignedInClientAsync(app, Admin);

        var page = await GetPageAsync(client, "/staff/admin/outbox");
        AssertAccessibleMarkup(page);
        var row = page.QuerySelector("tbody tr")!;
        Assert.Contains("mailbox unavailable", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("8", row.QuerySelectorAll("td")[1].TextContent, StringComparison.Ordinal);
        row.QuerySelector("form")!.Id = "retry-form";

        var retried = await Html.SubmitAsync(client, page, "#retry-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        var after = await GetPageAsync(client, retried.Headers.Location!.ToString());
        Assert.NotNull(after.QuerySelector(".notice--success"));
        Assert.Null(after.QuerySelector("tbody tr"));
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            Assert.Equal(OutboxStatus.Pending, (await db.OutboxMessages.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken)).Status);
            return 0;
        });
    }

    [Fact]
    public async Task AuditPage_ShowsLatestEntries_AndVerificationFindsATamperedRow()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using (var api = app.CreateApiClient())
        {
            for (var i = 0; i < 10; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await ApiJson.GetAsync(api, "/api/v1/staff")).StatusCode); // audited reads
            }
        }

        using var client = await StaffSignIn.SignedInClientAsync(app, Admin);

        var page = await GetPageAsync(client, "/staff/admin/audit");
        AssertAccessibleMarkup(page);
        var rows = page.QuerySelectorAll("tbody tr");
        Assert.Equal(50, rows.Length);
        Assert.Contains("staff.signed_in", rows[0].TextContent, StringComparison.Ordinal); // newest first: the admin's own sign-in
        Assert.Contains("staff.read", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#verification"));

        var intact = await GetPageAsync(client, "/staff/admin/audit?verify=true");
        Assert.NotNull(intact.QuerySelector("#verification.notice--success"));

        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.Database.ExecuteSqlRawAsync("""UPDATE platform_audit_entries SET "Details"='x' WHERE "Sequence"=3""", TestContext.Current.CancellationToken));
        var broken = await GetPageAsync(client, "/staff/admin/audit?verify=true");
        var alert = broken.QuerySelector("#verification[role=alert]")!;
        Assert.Contains("3", alert.TextContent, StringComparison.Ordinal);
    }
}
