using System.Net;
using System.Text.RegularExpressions;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Forms.Drafts;
using Madoguchi.Platform.Data;
using Madoguchi.Testing;
using Madoguchi.Testing.Accounts;
using Madoguchi.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Accounts;

/// <summary>住民アカウント (ADR 0011) over real HTTP: the email link, no enumeration, CSRF, tenancy, the profile and prefill.</summary>
public sealed partial class CitizenAccountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> NoValues => [];

    [Fact]
    public async Task SignInLink_WorksOnce_ASecondUseIsRefusedInPlainWords()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var first = SecurityApp.Client(app);
        using var second = SecurityApp.Client(app);
        using var asked = await CitizenSignIn.RequestLinkAsync(first, "once@example.jp");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, "once@example.jp"));

        // Both browsers open the link (say, the phone and the computer); opening it uses nothing up.
        var firstPage = await Html.ParseAsync(await first.GetAsync(new Uri(link, UriKind.Relative), Ct));
        var secondPage = await Html.ParseAsync(await second.GetAsync(new Uri(link, UriKind.Relative), Ct));
        Assert.NotNull(secondPage.QuerySelector("#account-confirm"));

        using var signedIn = await Html.SubmitAsync(first, firstPage, "#account-confirm", NoValues);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/account/applications", PathOf(signedIn.Headers.Location));
        using var myPage = await first.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, myPage.StatusCode);
        Assert.Contains("once@example.jp", await myPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var reused = await Html.SubmitAsync(second, secondPage, "#account-confirm", NoValues);
        Assert.Equal(HttpStatusCode.Gone, reused.StatusCode);
        var text = (await Html.ParseAsync(reused)).QuerySelector("#link-invalid")?.TextContent;
        Assert.Contains("使用済み", text, StringComparison.Ordinal);
        using var notSignedIn = await second.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);
        Assert.StartsWith("/account/sign-in", PathOf(notSignedIn.Headers.Location), StringComparison.Ordinal);

        // A citizen's session is not a staff session.
        using var staffPage = await first.GetAsync(new Uri("/staff/cases", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, staffPage.StatusCode);
        Assert.StartsWith("/staff/sign-in", PathOf(staffPage.Headers.Location), StringComparison.Ordinal);

        // And opening the used link later says so too, with a way to get a new one.
        using var later = await second.GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, later.StatusCode);
        Assert.Null((await Html.ParseAsync(later)).QuerySelector("#account-confirm"));
    }

    [Fact]
    public async Task SignInLink_After15Minutes_IsRefused_AndNoAccountIsCreated()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = SecurityApp.Client(app);
        using var asked = await CitizenSignIn.RequestLinkAsync(client, "late@example.jp");
        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, "late@example.jp"));
        var page = await Html.ParseAsync(await client.GetAsync(new Uri(link, UriKind.Relative), Ct));

        // Sixteen minutes pass between the email and the click.
        await app.InOrganizationAsync("MSN", async (db, _) =>
            await db.Set<SignInLink>().ExecuteUpdateAsync(s => s
                .SetProperty(l => l.CreatedAt, l => l.CreatedAt.AddMinutes(-16))
                .SetProperty(l => l.ExpiresAt, l => l.ExpiresAt.AddMinutes(-16)), Ct));

        using var confirmed = await Html.SubmitAsync(client, page, "#account-confirm", NoValues);
        Assert.Equal(HttpStatusCode.Gone, confirmed.StatusCode);
        Assert.Contains("有効期限", (await Html.ParseAsync(confirmed)).QuerySelector("#link-invalid")?.TextContent, StringComparison.Ordinal);
        using var opened = await client.GetAsync(new Uri(link, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, opened.StatusCode);
        Assert.Equal(0, await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().CountAsync(Ct)));

        // A day later the lapsed link (and the address it holds) is deleted when anyone asks for a link.
        await app.InOrganizationAsync("MSN", async (db, _) =>
            await db.Set<SignInLink>().ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, l => l.ExpiresAt.AddDays(-2)), Ct));
        using var someone = SecurityApp.Client(app);
        using (await CitizenSignIn.RequestLinkAsync(someone, "someone@example.jp"))
        {
        }

        Assert.False(await app.InOrganizationAsync("MSN", (db, _) => db.Set<SignInLink>().AnyAsync(l => l.Email == "late@example.jp", Ct)));
    }

    [Fact]
    public async Task AskingForALink_ForAKnownAndAnUnknownAddress_GivesTheSamePage_AndOneEmailEach()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using (var owner = SecurityApp.Client(app))
        {
            await CitizenSignIn.SignInAsync(app, owner, "known@example.jp");
        }

        var answers = new List<string>();
        foreach (var email in new[] { "known@example.jp", "nobody@example.jp" })
        {
            using var client = SecurityApp.Client(app);
            using var asked = await CitizenSignIn.RequestLinkAsync(client, email);
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            using var next = await client.GetAsync(asked.Headers.Location, Ct);
            answers.Add($"{(int)asked.StatusCode} {asked.Headers.Location} {(int)next.StatusCode}\n" + Tokenless(await next.Content.ReadAsStringAsync(Ct)));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal(2, (await CitizenSignIn.LinksAsync(app, "known@example.jp", 2)).Count); // the first sign-in's and this one
        Assert.Single(await CitizenSignIn.LinksAsync(app, "nobody@example.jp"));
        Assert.Equal(1, await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().CountAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_WithAnInvalidAddress_ShowsTheErrorInJapaneseAndEnglish_KeepingWhatWasTyped()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = SecurityApp.Client(app);
        using var ja = await CitizenSignIn.RequestLinkAsync(client, "taro@example");
        Assert.Equal(HttpStatusCode.OK, ja.StatusCode);
        var page = await Html.ParseAsync(ja);
        Assert.Contains("正しい形式", page.QuerySelector(".error-summary a[href='#email']")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("taro@example", page.QuerySelector("#email")?.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#email")?.GetAttribute("aria-invalid"));

        using var en = await Html.SubmitAsync(client, await Html.ParseAsync(await client.GetAsync(new Uri("/account/sign-in?culture=en", UriKind.Relative), Ct)),
            "#account-sign-in", new Dictionary<string, string> { ["Email"] = "" });
        Assert.Contains("Enter your email address", (await Html.ParseAsync(en)).QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryAccountPost_WithoutTheAntiforgeryToken_IsRefused_AndChangesNothing()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = SecurityApp.Client(app);
        await CitizenSignIn.SignInAsync(app, client, "csrf@example.jp");
        using var other = SecurityApp.Client(app);
        await CitizenSignIn.RequestLinkAsync(other, "csrf2@example.jp");
        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, "csrf2@example.jp"));

        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ("/account/sign-in", new() { ["Email"] = "csrf3@example.jp" }),
            (link, []),
            ("/account/profile", new() { ["FamilyName"] = "攻撃", ["GivenName"] = "者", ["FamilyNameKana"] = "コウゲキ", ["GivenNameKana"] = "シャ", ["Channel"] = "in-app" }),
            ("/account/sign-out", []),
        };
        foreach (var (path, fields) in posts)
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {path} without a token: {(int)response.StatusCode}");
        }

        Assert.Empty(await CitizenSignIn.LinksAsync(app, "csrf3@example.jp", 0));
        var account = await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().SingleAsync(a => a.Email == "csrf@example.jp", Ct));
        Assert.Null(account.FamilyName);
        Assert.Equal(NotificationChannels.Email, account.NotificationChannel);
        Assert.True(await app.InOrganizationAsync("MSN", (db, _) => db.Set<SignInLink>().AnyAsync(l => l.Email == "csrf2@example.jp" && l.UsedAt == null, Ct)));
        using var stillSignedIn = await client.GetAsync(new Uri("/account/profile", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
    }

    [Fact]
    public async Task AnotherOrganisation_NeverSeesTheAccount_NorAcceptsItsSession()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await SecurityApp.AddOtherOrganizationAsync(app);
        using var musashino = SecurityApp.Client(app);
        await CitizenSignIn.SignInAsync(app, musashino, "both@example.jp");
        await SaveProfileAsync(musashino, new() { ["FamilyName"] = "武蔵野", ["GivenName"] = "太郎", ["FamilyNameKana"] = "ムサシノ", ["GivenNameKana"] = "タロウ" });

        // Musashino's session cookie replayed on the other city's host: not signed in there.
        using (var replay = SecurityApp.Client(app, SecurityApp.OtherHost, cookies: false))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/profile", UriKind.Relative));
            request.Headers.Add("Cookie", SecurityApp.CookieHeader(musashino));
            using var response = await replay.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        // The same address signs in there to an account of its own, which knows nothing of Musashino's profile.
        using var other = SecurityApp.Client(app, SecurityApp.OtherHost);
        await CitizenSignIn.SignInAsync(app, other, "both@example.jp");
        var page = await Html.ParseAsync(await other.GetAsync(new Uri("/account/profile", UriKind.Relative), Ct));
        Assert.Equal("", page.QuerySelector("#f-name-family")?.GetAttribute("value") ?? "");
        Assert.DoesNotContain("武蔵野", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await app.InOrganizationAsync(SecurityApp.OtherCode, (db, _) => db.Set<CitizenAccount>().CountAsync(Ct)));
        Assert.Equal(2, await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().IgnoreQueryFilters().CountAsync(a => a.Email == "both@example.jp", Ct)));
    }

    [Fact]
    public async Task Profile_WithWrongFurigana_ShowsFieldErrors_KeepsTypedValues_ThenSaved_PrefillsTheForm_AndTheDraftIsOnMyPage()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = SecurityApp.Client(app);
        await CitizenSignIn.SignInAsync(app, client, "prefill@example.jp");

        var fields = new Dictionary<string, string>
        {
            ["FamilyName"] = "武蔵野",
            ["GivenName"] = "太郎",
            ["FamilyNameKana"] = "Musashino",
            ["GivenNameKana"] = "たろう",
            ["PostalCode"] = "1800001",
            ["Address"] = "武蔵野市吉祥寺北町1-2-3",
            ["Building"] = "",
            ["Phone"] = "0422-60-1800",
            ["Channel"] = "email",
        };
        using var invalid = await SaveProfileAsync(client, fields);
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        var page = await Html.ParseAsync(invalid);
        var summary = page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        var kana = Assert.Single(summary);
        Assert.Equal("#f-name-familyKana", kana.Item1);
        Assert.Contains("カタカナ", kana.TextContent, StringComparison.Ordinal);
        Assert.Equal("Musashino", page.QuerySelector("#f-name-familyKana")?.GetAttribute("value"));
        Assert.Equal("武蔵野市吉祥寺北町1-2-3", page.QuerySelector("#f-address-address")?.GetAttribute("value"));

        fields["FamilyNameKana"] = "ムサシノ";
        using var saved = await SaveProfileAsync(client, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var reread = await Html.ParseAsync(await client.GetAsync(saved.Headers.Location, Ct));
        Assert.Equal("タロウ", reread.QuerySelector("#f-name-givenKana")?.GetAttribute("value")); // ひらがな saved as カタカナ
        Assert.Equal("180-0001", reread.QuerySelector("#f-address-postalCode")?.GetAttribute("value"));

        // Starting a form: the matching fields already hold the profile's values.
        var start = await Html.ParseAsync(await client.GetAsync(new Uri("/apply/bulky-waste", UriKind.Relative), Ct));
        using var started = await Html.SubmitAsync(client, start, "main form[method=post]", NoValues);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var step = await Html.ParseAsync(await client.GetAsync(started.Headers.Location, Ct));
        Assert.Equal("武蔵野", step.QuerySelector("#f-name-family")?.GetAttribute("value"));
        Assert.Equal("ムサシノ", step.QuerySelector("#f-name-familyKana")?.GetAttribute("value"));
        Assert.Equal("0422-60-1800", step.QuerySelector("#f-phone")?.GetAttribute("value"));
        Assert.Equal("prefill@example.jp", step.QuerySelector("#f-email")?.GetAttribute("value"));
        Assert.Equal("180-0001", step.QuerySelector("#f-collectionAddress-postalCode")?.GetAttribute("value"));

        // The draft is on My page and continues in another browser of the same account.
        var myPage = await Html.ParseAsync(await client.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct));
        var resume = myPage.QuerySelector("a[href='/apply/bulky-waste']");
        Assert.NotNull(resume);
        using var laptop = SecurityApp.Client(app);
        await CitizenSignIn.SignInAsync(app, laptop, "prefill@example.jp");
        using var continued = await laptop.GetAsync(new Uri("/apply/bulky-waste", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, continued.StatusCode);
        Assert.Equal("/apply/bulky-waste/check", PathOf(continued.Headers.Location));
        Assert.Equal(1, await app.InOrganizationAsync("MSN", (db, _) => db.Set<Draft>().CountAsync(d => d.CitizenAccountId != null, Ct)));

        // Reading and changing the profile are in the audit log, as the citizen.
        var entries = await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.Select(e => new { e.Actor, e.Action }).ToListAsync(Ct));
        var actions = entries.Where(e => e.Actor.StartsWith("citizen:", StringComparison.Ordinal)).Select(e => e.Action).ToList();
        Assert.Contains("citizen.signed_in", actions);
        Assert.Contains("citizen.profile_read", actions);
        Assert.Contains("citizen.profile_changed", actions);
        Assert.Contains("citizen.applications_read", actions);
    }

    private static string PathOf(Uri? uri) => uri is null ? "" : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.ToString();

    private static async Task<HttpResponseMessage> SaveProfileAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/profile", UriKind.Relative), Ct));
        return await Html.SubmitAsync(client, page, "#account-profile", fields);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"")]
    private static partial Regex AntiforgeryToken();

    private static string Tokenless(string html) => AntiforgeryToken().Replace(html, "");
}
