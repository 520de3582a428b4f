using System.Net;
using AngleSharp.Html.Dom;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Security;

/// <summary>
/// Every state-changing form on every page reachable in the rule table (staff pages as a system admin, public
/// pages as a citizen) is refused with 400 when posted without its antiforgery token, and nothing changes.
/// </summary>
public sealed class CsrfTests
{
    [Fact]
    public async Task EveryPostForm_WithoutTheAntiforgeryToken_Is400_AndChangesNothing()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var admin = await SecurityApp.StaffAsync(app, "admin@musashino.example");
        var pages = AuthorizationMatrixTests.Rules
            .Where(r => r.Key.StartsWith("PAGE ", StringComparison.Ordinal) && !r.Key.Contains('{', StringComparison.Ordinal) || r.Value.Sample is not null && r.Key.StartsWith("PAGE ", StringComparison.Ordinal))
            .Select(r => r.Value.Sample ?? r.Key[5..])
            .Distinct()
            .ToList();

        var posts = new List<(string Page, string Target, List<KeyValuePair<string, string>> Fields)>();
        foreach (var page in pages)
        {
            using var response = await admin.GetAsync(new Uri(page, UriKind.Relative), SecurityApp.Ct);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = await Html.ParseAsync(response);
            foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>().Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
                var fields = form.Elements.OfType<IHtmlInputElement>()
                    .Where(i => !string.IsNullOrEmpty(i.Name) && i.Name != "__RequestVerificationToken" && i.Type is not "submit" and not "button")
                    .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
                    .ToList();
                var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? page : form.GetAttribute("action")!;
                var buttons = form.QuerySelectorAll("button[formaction]").Select(b => b.GetAttribute("formaction")!).Append(action).Distinct();
                posts.AddRange(buttons.Select(target => (page, target, fields)));
            }
        }

        // Reading pages is audited too; count after the reads, before the posts.
        var before = await CountsAsync(app);
        var forms = 0;
        foreach (var (page, target, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var posted = await admin.PostAsync(new Uri(target, UriKind.Relative), content, SecurityApp.Ct);
            Assert.True(posted.StatusCode == HttpStatusCode.BadRequest, $"{page} → POST {target} without a token: {(int)posted.StatusCode}");
            forms++;
        }

        Assert.True(forms >= 10, $"only {forms} forms were tried");
        Assert.Equal(before, await CountsAsync(app));
        TestContext.Current.SendDiagnosticMessage($"CSRF: {forms} form posts refused on {pages.Count} pages");
    }

    /// <summary>Rows a successful post would add to: the audit log (every change is audited) and the outbox.</summary>
    private static Task<(int Audit, int Outbox)> CountsAsync(MadoguchiApp app) =>
        app.InOrganizationAsync("MSN", async (db, _) =>
            (await db.AuditEntries.CountAsync(SecurityApp.Ct), await db.OutboxMessages.CountAsync(SecurityApp.Ct)));
}
