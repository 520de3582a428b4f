using Madoguchi.BrowserTests.Identity;
using Madoguchi.Testing;
using Madoguchi.Testing.Accounts;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Accounts;

/// <summary>
/// Passkeys for citizen accounts (ADR 0063) in Chromium at 320 px, with its virtual authenticator (DevTools
/// WebAuthn domain) standing in for a phone: sign in by email link, add a named passkey on the security page,
/// sign out, sign in with the passkey alone, remove it. WebAuthn refuses IP addresses as relying party ids, so
/// the pages are opened on <c>localhost</c>. axe-core checks every page.
/// </summary>
public sealed class CitizenPasskeyBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private const string Email = "passkey.resident@example.jp";

    [Fact]
    public async Task Resident_AddsAPasskey_SignsInWithIt_AndRemovesIt()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var root = new Uri($"http://localhost:{app.RootUri!.Port}/");
        var page = await browser.NewPageAsync(root, width: 320, height: 800);
        await VirtualAuthenticator.AddAsync(page);

        // The passkey button is there once the script has found WebAuthn; the email link stays the way in.
        await page.GotoAsync("/account/sign-in");
        Assert.True(await page.IsVisibleAsync("#passkey-sign-in"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#email", Email);
        await page.ClickAsync("#account-sign-in button[type=submit]");
        await page.WaitForURLAsync("**/account/check-email");
        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, Email));
        await page.GotoAsync(link);
        await page.ClickAsync("#account-confirm button[type=submit]");
        await page.WaitForURLAsync("**/account/applications");

        // Add a passkey, named, from My page's link.
        await page.ClickAsync("main a[href='/account/security']");
        await page.WaitForURLAsync("**/account/security");
        Assert.True(await page.IsVisibleAsync("#passkey-add"));
        Assert.False(await page.IsVisibleAsync("[data-passkey-no-js]"));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#passkey-name", "私のスマートフォン");
        await page.ClickAsync("#passkey-add");
        await page.WaitForSelectorAsync(".notice--success, .error-summary");
        Assert.Contains("パスキーを登録しました", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#passkeys li").CountAsync());
        Assert.Equal("私のスマートフォン", (await page.TextContentAsync("#passkeys h3"))?.Trim());
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"The security page scrolls sideways at 320 px ({scrollWidth} px wide).");

        // Sign out, then in with the passkey alone.
        var signedOut = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("header form[action='/account/sign-out'] button"), r => r.Url.Contains("/account/sign-out", StringComparison.Ordinal));
        Assert.Equal(302, signedOut.Status); // from a page that knew the citizen (its antiforgery token is bound to them)
        await page.WaitForURLAsync(root.ToString());
        await page.GotoAsync("/account/sign-in");
        Assert.EndsWith("/account/sign-in", page.Url, StringComparison.Ordinal); // signed out: no redirect to My page
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync("**/account/applications");
        Assert.Contains(Email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        // Its last use is shown; remove it.
        await page.GotoAsync("/account/security");
        Assert.DoesNotContain("まだ使っていません", await page.InnerTextAsync("#passkeys"), StringComparison.Ordinal);
        await page.ClickAsync("#passkeys form button");
        await page.WaitForSelectorAsync("#no-passkeys");
        Assert.Contains("パスキーを削除しました", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
