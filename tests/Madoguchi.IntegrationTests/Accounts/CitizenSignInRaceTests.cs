using System.Net;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Accounts;

/// <summary>住民アカウント on PostgreSQL with real parallel requests: first sign-ins racing make one account; one link racing itself signs in once.</summary>
public sealed class CitizenSignInRaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSignInsOfOneAddressAtOnce_MakeOneAccount_AndOneLinkPostedTwiceAtOnce_SignsInOnce()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Bookings:MaintenanceEnabled"] = "false" });
        for (var round = 0; round < 3; round++)
        {
            var email = $"race{round}@example.jp";
            var browsers = Enumerable.Range(0, SignInLinks.MaxLinksPerAddress).Select(_ => app.CreateBrowserLikeClient()).ToList();
            foreach (var browser in browsers)
            {
                using var asked = await CitizenSignIn.RequestLinkAsync(browser, email);
                Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            }

            var links = await CitizenSignIn.LinksAsync(app, email, browsers.Count);
            Assert.Equal(browsers.Count, links.Count);
            var pages = new List<AngleSharp.Dom.IDocument>();
            for (var i = 0; i < browsers.Count; i++)
            {
                pages.Add(await Html.ParseAsync(await browsers[i].GetAsync(new Uri(links[i], UriKind.Relative), Ct)));
            }

            var statuses = await AllAtOnceAsync(browsers.Count, i => Html.SubmitAsync(browsers[i], pages[i], "#account-confirm", new Dictionary<string, string>()));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
            var accounts = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<CitizenAccount>().Where(a => a.Email == email).Select(a => a.Id).ToListAsync(Ct));
            Assert.Single(accounts);
            foreach (var browser in browsers)
            {
                using var myPage = await browser.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, myPage.StatusCode);
                Assert.Contains(email, await myPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
                browser.Dispose();
            }
        }

        // One link opened in two browsers and confirmed in both at the same moment: one is signed in, the other is told the link is used.
        using var first = app.CreateBrowserLikeClient();
        using var second = app.CreateBrowserLikeClient();
        using (await CitizenSignIn.RequestLinkAsync(first, "twice@example.jp"))
        {
        }

        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, "twice@example.jp"));
        var twins = new[] { first, second };
        var twinPages = new List<AngleSharp.Dom.IDocument>();
        foreach (var browser in twins)
        {
            twinPages.Add(await Html.ParseAsync(await browser.GetAsync(new Uri(link, UriKind.Relative), Ct)));
        }

        var outcome = await AllAtOnceAsync(2, i => Html.SubmitAsync(twins[i], twinPages[i], "#account-confirm", new Dictionary<string, string>()));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Gone], outcome.Order().ToArray());
        var twice = (await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<CitizenAccount>().SingleAsync(a => a.Email == "twice@example.jp", Ct))).Id.ToString();
        Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.AuditEntries.CountAsync(e => e.Action == "citizen.signed_in" && e.EntityId == twice, Ct)));
    }

    private static async Task<HttpStatusCode[]> AllAtOnceAsync(int count, Func<int, Task<HttpResponseMessage>> post)
    {
        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.WaitAsync(Ct);
            using var response = await post(i);
            return response.StatusCode;
        }, Ct)).ToList();
        gate.Release(count);
        return await Task.WhenAll(tasks);
    }
}
