using System.Net;
using System.Security.Cryptography;
using AngleSharp.Dom;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Data;
using Madoguchi.Testing;
using Madoguchi.Testing.Accounts;
using Madoguchi.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Accounts;

/// <summary>
/// Passkeys for citizen accounts (ADR 0063) over real HTTP, with a software authenticator that signs with an
/// ECDsa P-256 key made here: registration needs a signed-in citizen; the answer to a challenge is taken once
/// and not after it expires; a forged signature, a counter going back and another city's host are refused.
/// </summary>
public sealed class CitizenPasskeyTests
{
    private const string Email = "passkey@example.jp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registration_NeedsASignedInCitizen()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var anonymous = SecurityApp.Client(app);
        var signInPage = await GetPageAsync(anonymous, "/account/sign-in");
        foreach (var handler in new[] { "PasskeyCreationOptions", "AddPasskey", "RemovePasskey" })
        {
            using var response = await PostAsync(anonymous, signInPage, "/account/security?handler=" + handler, new() { ["CredentialJson"] = "{}" });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", PathOf(response.Headers.Location), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.InOrganizationAsync("MSN", (db, _) => db.Set<PasskeyChallenge>().CountAsync(Ct)));
    }

    [Fact]
    public async Task Citizen_AddsAPasskey_SignsInWithIt_AndAReplayedOrForgedAnswerIsRefused()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var owner = SecurityApp.Client(app);
        using var authenticator = new SoftAuthenticator();
        await RegisterAsync(app, owner, authenticator);

        var passkey = await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().SingleAsync(Ct));
        Assert.Equal("テスト端末", passkey.Name);
        Assert.Equal(authenticator.CredentialId, passkey.CredentialId);
        Assert.Equal(32, passkey.UserHandle.Length);
        var account = await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().SingleAsync(a => a.Email == Email, Ct));
        Assert.Equal(account.Id, passkey.CitizenAccountId);
        var security = await (await owner.GetAsync(new Uri("/account/security", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("テスト端末", security, StringComparison.Ordinal);

        // Another browser signs in with the passkey alone.
        using var browser = SecurityApp.Client(app);
        var (page, options) = await SignInOptionsAsync(browser);
        authenticator.SignCount = 1;
        var answer = authenticator.Get(options, "http://" + SecurityApp.MusashinoHost);
        var challengeCookie = ChallengeCookie(browser);
        using (var signedIn = await PostAsync(browser, page, "/account/sign-in?handler=Passkey", new() { ["CredentialJson"] = answer }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Equal("/account/applications", PathOf(signedIn.Headers.Location));
        }

        using (var myPage = await browser.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, myPage.StatusCode);
            Assert.Contains(Email, await myPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Equal(1, (await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().SingleAsync(Ct))).SignCount);
        Assert.True(await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.AnyAsync(e => e.Action == "citizen.signed_in" && e.Details == "passkey" && e.EntityId == account.Id.ToString(), Ct)));
        Assert.True(await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.AnyAsync(e => e.Action == "citizen.passkey_added" && e.EntityId == account.Id.ToString(), Ct)));

        // The same answer with the same challenge cookie, replayed by someone who captured both: the challenge is used.
        using var attacker = SecurityApp.Client(app);
        var attackerPage = await GetPageAsync(attacker, "/account/sign-in");
        SecurityApp.Cookies.TryGetValue(attacker, out var jar);
        jar!.Add(new Uri("http://" + SecurityApp.MusashinoHost + "/account"), new Cookie(CitizenPasskeys.ChallengeCookie, challengeCookie, "/account"));
        await AssertRefusedAsync(attacker, attackerPage, answer, "同じ操作が2回");

        // The captured answer against a new challenge: it signed the old one.
        (attackerPage, _) = await SignInOptionsAsync(attacker);
        await AssertRefusedAsync(attacker, attackerPage, answer, "確認できませんでした");

        // A forged signature (another key) on a fresh challenge.
        using (var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            (attackerPage, options) = await SignInOptionsAsync(attacker);
            authenticator.SignCount = 5;
            await AssertRefusedAsync(attacker, attackerPage, authenticator.Get(options, "http://" + SecurityApp.MusashinoHost, forger), "確認できませんでした");
        }

        // The right key but a counter that went back (a cloned authenticator).
        (attackerPage, options) = await SignInOptionsAsync(attacker);
        authenticator.SignCount = 1;
        await AssertRefusedAsync(attacker, attackerPage, authenticator.Get(options, "http://" + SecurityApp.MusashinoHost), "確認できませんでした");

        // Signed for another site (origin and relying party), with the right key.
        (attackerPage, options) = await SignInOptionsAsync(attacker);
        authenticator.SignCount = 7;
        await AssertRefusedAsync(attacker, attackerPage, authenticator.Get(options, "http://evil.example", rpId: "evil.example"), "確認できませんでした");

        // An answer with nothing from the authenticator (cancelled): a plain message, nothing else.
        (attackerPage, _) = await SignInOptionsAsync(attacker);
        await AssertRefusedAsync(attacker, attackerPage, "", "もう一度試すか");
        using var notSignedIn = await attacker.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, notSignedIn.StatusCode);

        // The owner removes it; then it signs in nowhere.
        var list = await GetPageAsync(owner, "/account/security");
        using (var removed = await Html.SubmitAsync(owner, list, "#passkeys form", new Dictionary<string, string>()))
        {
            Assert.Equal("/account/security", PathOf(removed.Headers.Location));
        }

        Assert.Equal(0, await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().CountAsync(Ct)));
        Assert.True(await app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.AnyAsync(e => e.Action == "citizen.passkey_removed", Ct)));
        (attackerPage, options) = await SignInOptionsAsync(attacker);
        authenticator.SignCount = 9;
        await AssertRefusedAsync(attacker, attackerPage, authenticator.Get(options, "http://" + SecurityApp.MusashinoHost), "登録されていません");
    }

    [Fact]
    public async Task AnExpiredChallenge_IsRefused()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var owner = SecurityApp.Client(app);
        using var authenticator = new SoftAuthenticator();
        await RegisterAsync(app, owner, authenticator);

        using var browser = SecurityApp.Client(app);
        var (page, options) = await SignInOptionsAsync(browser);

        // Six minutes pass between the options and the answer.
        await app.InOrganizationAsync("MSN", async (db, _) =>
            await db.Set<PasskeyChallenge>().ExecuteUpdateAsync(s => s.SetProperty(c => c.ExpiresAt, c => c.ExpiresAt.AddMinutes(-6)), Ct));
        authenticator.SignCount = 1;
        await AssertRefusedAsync(browser, page, authenticator.Get(options, "http://" + SecurityApp.MusashinoHost), "時間が経ちすぎた");
        Assert.Equal(0, (await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().SingleAsync(Ct))).SignCount);
    }

    [Fact]
    public async Task APasskeyOfOneCity_DoesNotSignInOnAnotherCitysHost()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await SecurityApp.AddOtherOrganizationAsync(app);
        using var owner = SecurityApp.Client(app);
        using var authenticator = new SoftAuthenticator();
        await RegisterAsync(app, owner, authenticator);

        // Even signed for the other city's origin, with the right key: no account there has this passkey.
        using var elsewhere = SecurityApp.Client(app, SecurityApp.OtherHost);
        var (page, options) = await SignInOptionsAsync(elsewhere);
        authenticator.SignCount = 1;
        await AssertRefusedAsync(elsewhere, page, authenticator.Get(options, "http://" + SecurityApp.OtherHost), "この市のアカウントには登録されていません");
        Assert.Equal(0, await app.InOrganizationAsync(SecurityApp.OtherCode, (db, _) => db.Set<CitizenAccount>().CountAsync(Ct)));

        // Musashino's citizen cookie, made by a passkey sign-in, replayed on the other host: not signed in there.
        using var musashino = SecurityApp.Client(app);
        (page, options) = await SignInOptionsAsync(musashino);
        authenticator.SignCount = 2;
        using (var signedIn = await PostAsync(musashino, page, "/account/sign-in?handler=Passkey", new() { ["CredentialJson"] = authenticator.Get(options, "http://" + SecurityApp.MusashinoHost) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        using var replay = SecurityApp.Client(app, SecurityApp.OtherHost, cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/security", UriKind.Relative));
        request.Headers.Add("Cookie", SecurityApp.CookieHeader(musashino));
        using var response = await replay.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAPasskey_NeedsASignInLessThan15MinutesOld_AndASecondSignInAllowsItAgain()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var clock = new OffsetClock();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var client = host.CreateDefaultClient(new Uri("http://" + SecurityApp.MusashinoHost), new CookieContainerHandler(new CookieContainer()));
        using var authenticator = new SoftAuthenticator();
        await CitizenSignIn.SignInAsync(app, client, Email);

        // 14 minutes after signing in: still recent, the browser gets creation options.
        clock.Offset = TimeSpan.FromMinutes(14);
        var page = await GetPageAsync(client, "/account/security");
        Assert.Null(page.QuerySelector("#passkey-sign-in-again"));
        using (var options = await PostAsync(client, page, "/account/security?handler=PasskeyCreationOptions", []))
        {
            Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        }

        // 16 minutes after: the page asks for a new sign-in, and neither the options nor a well-formed passkey get through.
        clock.Offset = TimeSpan.FromMinutes(16);
        page = await GetPageAsync(client, "/account/security");
        Assert.Contains("もう一度ログインしてください", page.QuerySelector("#passkey-sign-in-again")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/sign-in?again=true&returnUrl=%2Faccount%2Fsecurity", page.QuerySelector("a[href^='/account/sign-in?again']")?.GetAttribute("href"));
        using (var options = await PostAsync(client, page, "/account/security?handler=PasskeyCreationOptions", []))
        {
            Assert.Equal(HttpStatusCode.Forbidden, options.StatusCode);
        }

        using (var add = await PostAsync(client, page, "/account/security?handler=AddPasskey", new() { ["CredentialJson"] = "{}", ["PasskeyName"] = "古いログイン" }))
        {
            Assert.Equal(HttpStatusCode.OK, add.StatusCode); // the page again, with the sign-in-again message
            Assert.NotNull((await Html.ParseAsync(add)).QuerySelector("#passkey-sign-in-again"));
        }

        Assert.Equal(0, await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().CountAsync(Ct)));
        Assert.Equal(1, await app.InOrganizationAsync("MSN", (db, _) => db.Set<PasskeyChallenge>().CountAsync(Ct))); // the one given at 14 minutes, none since

        // 「もう一度ログインする」 (same browser, still signed in): a new link, and back on the page it is recent again.
        var again = await GetPageAsync(client, "/account/sign-in?again=true&returnUrl=%2Faccount%2Fsecurity");
        var linksBefore = (await CitizenSignIn.LinksAsync(app, Email, 0)).Count;
        using (var asked = await Html.SubmitAsync(client, again, "#account-sign-in", new Dictionary<string, string> { ["Email"] = Email }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        using (var confirmed = await CitizenSignIn.ConfirmAsync(client, (await CitizenSignIn.LinksAsync(app, Email, linksBefore + 1))[^1]))
        {
            Assert.Equal("/account/security", PathOf(confirmed.Headers.Location));
        }

        page = await GetPageAsync(client, "/account/security");
        Assert.Null(page.QuerySelector("#passkey-sign-in-again"));
        using var optionsResponse = await PostAsync(client, page, "/account/security?handler=PasskeyCreationOptions", []);
        Assert.Equal(HttpStatusCode.OK, optionsResponse.StatusCode);
        using var added = await Html.SubmitAsync(client, page, "#passkey-add-form", new Dictionary<string, string>
        {
            ["CredentialJson"] = authenticator.Create(await optionsResponse.Content.ReadAsStringAsync(Ct), "http://" + SecurityApp.MusashinoHost),
            ["PasskeyName"] = "新しいログイン",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("新しいログイン", (await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenPasskey>().SingleAsync(Ct))).Name);
    }

    /// <summary>The real clock moved on by <see cref="Offset"/>: cookies, keys and links keep working while the test jumps ahead.</summary>
    private sealed class OffsetClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
    }

    /// <summary>Signs <paramref name="client"/> in by email link and adds the authenticator's passkey, named テスト端末.</summary>
    private static async Task RegisterAsync(MadoguchiApp app, HttpClient client, SoftAuthenticator authenticator)
    {
        await CitizenSignIn.SignInAsync(app, client, Email);
        var page = await GetPageAsync(client, "/account/security");
        Assert.NotNull(page.QuerySelector("#passkey-add-form[hidden]")); // shown only by the script
        using var optionsResponse = await PostAsync(client, page, "/account/security?handler=PasskeyCreationOptions", []);
        Assert.Equal(HttpStatusCode.OK, optionsResponse.StatusCode);
        var options = await optionsResponse.Content.ReadAsStringAsync(Ct);
        using var added = await Html.SubmitAsync(client, page, "#passkey-add-form", new Dictionary<string, string>
        {
            ["CredentialJson"] = authenticator.Create(options, "http://" + SecurityApp.MusashinoHost),
            ["PasskeyName"] = "テスト端末",
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, "Adding the passkey: " + (await Html.ParseAsync(added)).QuerySelector("main")?.TextContent);
        Assert.Equal("/account/security", PathOf(added.Headers.Location));
    }

    private static async Task<(IDocument Page, string Options)> SignInOptionsAsync(HttpClient client)
    {
        var page = await GetPageAsync(client, "/account/sign-in");
        Assert.NotNull(page.QuerySelector("#passkey-section[hidden]"));
        using var response = await PostAsync(client, page, "/account/sign-in?handler=PasskeyOptions", []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (page, await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task AssertRefusedAsync(HttpClient client, IDocument page, string answer, string message)
    {
        using var response = await PostAsync(client, page, "/account/sign-in?handler=Passkey", new() { ["CredentialJson"] = answer });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await Html.ParseAsync(response)).QuerySelector("#passkey-error")?.TextContent, StringComparison.Ordinal);
        Assert.Null(response.Headers.Location);
    }

    private static string ChallengeCookie(HttpClient client)
    {
        SecurityApp.Cookies.TryGetValue(client, out var jar);
        return jar!.GetCookies(new Uri("http://" + SecurityApp.MusashinoHost + "/account/sign-in"))[CitizenPasskeys.ChallengeCookie]?.Value
            ?? throw new InvalidOperationException("No challenge cookie.");
    }

    private static async Task<IDocument> GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    /// <summary>Posts <paramref name="fields"/> with the page's antiforgery token, as the passkey script's fetch and form do.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, IDocument page, string path, Dictionary<string, string> fields)
    {
        var token = page.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value") ?? throw new InvalidOperationException("No antiforgery token.");
        fields["__RequestVerificationToken"] = token;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    private static string PathOf(Uri? location) => location is null ? "" : (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).Split('?')[0];
}
