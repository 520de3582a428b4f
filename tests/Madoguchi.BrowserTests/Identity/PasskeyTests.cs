using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Identity;

/// <summary>
/// Passkeys end to end, with Chromium's virtual authenticator (DevTools WebAuthn domain) standing in
/// for a phone or security key. WebAuthn refuses IP addresses as relying party ids, so the page is
/// opened on <c>localhost</c>.
/// </summary>
public sealed class PasskeyTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Member_AddsAPasskey_ThenSignsInWithIt()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var root = new Uri($"http://localhost:{app.RootUri!.Port}/");
        var page = await NewPageWithAuthenticatorAsync(root);

        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", "kodomo@musashino.example");
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff");

        await page.GotoAsync("/staff/security");
        await page.ClickAsync("#passkey-add");
        await page.WaitForSelectorAsync(".notice--success, .error-summary");
        Assert.Contains("パスキーを登録しました", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("#passkeys li").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.ClickAsync("header form[action='/staff/sign-out'] button");
        await page.WaitForURLAsync(root.ToString());

        await page.GotoAsync("/staff/sign-in");
        Assert.True(await page.IsVisibleAsync("#passkey-sign-in"));
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync("**/staff");
        Assert.Contains("子育 花子", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);

        // Rename, then remove (allowed in demo mode, where a second factor is optional).
        await page.GotoAsync("/staff/security");
        await page.FillAsync("#passkeys input[name=PasskeyName]", "職場のPC");
        await page.ClickAsync("#passkeys form[action*='RenamePasskey'] button");
        await page.WaitForSelectorAsync(".notice--success");
        Assert.Equal("職場のPC", (await page.TextContentAsync("#passkeys h3"))?.Trim());
        await page.ClickAsync("#passkeys form[action*='RemovePasskey'] button");
        await page.WaitForSelectorAsync("#no-passkeys");
    }

    [Fact]
    public async Task OutsideDemoMode_APasskeyIsASecondFactor_ForEnrolmentAndForSignIn()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(settings: new Dictionary<string, string?> { ["Seed:Demo"] = "false" });
        const string password = "Real-Password-For-Tests-42";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await DemoSeeder.SeedAsync(scope.ServiceProvider, new DemoOptions { Enabled = true }, TestContext.Current.CancellationToken);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync("kodomo@musashino.example") ?? throw new InvalidOperationException("not seeded");
            user.IsDemo = false;
            await users.UpdateAsync(user);
            await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        }

        var root = new Uri($"http://localhost:{app.RootUri!.Port}/");
        var page = await NewPageWithAuthenticatorAsync(root);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", "kodomo@musashino.example");
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff/security");
        Assert.True(await page.IsVisibleAsync("#mfa-required"));

        await page.ClickAsync("#passkey-add");
        await page.WaitForSelectorAsync(".notice--success, .error-summary");
        await page.GotoAsync("/staff");
        Assert.Equal("職員ホーム", (await page.TextContentAsync("h1"))?.Trim());

        await page.ClickAsync("header form[action='/staff/sign-out'] button");
        await page.WaitForURLAsync(root.ToString());
        await page.GotoAsync("/staff/sign-in");
        await page.ClickAsync("#passkey-sign-in");
        await page.WaitForURLAsync("**/staff");
        Assert.Equal("職員ホーム", (await page.TextContentAsync("h1"))?.Trim());
    }

    private async Task<IPage> NewPageWithAuthenticatorAsync(Uri root)
    {
        var page = await browser.NewPageAsync(root);
        await VirtualAuthenticator.AddAsync(page);
        return page;
    }
}
