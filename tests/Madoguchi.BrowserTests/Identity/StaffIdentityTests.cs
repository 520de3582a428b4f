using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.Playwright;
using OtpNet;

namespace Madoguchi.BrowserTests.Identity;

/// <summary>
/// Staff identity in real Chromium: TOTP enrolment and the sign-in that then asks for the code,
/// axe-core on every identity page, and sign-in without JavaScript.
/// </summary>
public sealed class StaffIdentityTests(Browser browser) : IClassFixture<Browser>
{
    private const string Member = "shimin@musashino.example";

    [Fact]
    public async Task Member_EnrolsTotpInTheBrowser_AndMustUseItToSignIn()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!);

        await page.GotoAsync("/staff/sign-in");
        await Accessibility.AssertNoViolationsAsync(page);
        await SignInAsync(page);
        await page.WaitForURLAsync("**/staff");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.ClickAsync("a[href='/staff/security']");
        await page.WaitForURLAsync("**/staff/security");
        await Accessibility.AssertNoViolationsAsync(page);
        var key = (await page.TextContentAsync("#shared-key") ?? "").Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.FillAsync("#code", Code(key));
        await page.ClickAsync("#enable-totp-form button[type=submit]");
        await page.WaitForSelectorAsync("#recovery-codes");
        Assert.Equal(10, await page.Locator("#recovery-codes li").CountAsync());
        Assert.Contains("有効です", await page.TextContentAsync("#totp-status") ?? "", StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.ClickAsync("header form[action='/staff/sign-out'] button");
        await page.WaitForURLAsync(app.RootUri!.ToString());

        await page.GotoAsync("/staff/sign-in");
        await SignInAsync(page);
        await page.WaitForURLAsync("**/staff/two-factor**");
        Assert.Equal("確認コードの入力", (await page.TextContentAsync("h1"))?.Trim());
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#code", "000000" == Code(key) ? "111111" : "000000");
        await page.ClickAsync("#two-factor-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Contains("確認コードが正しくありません", await page.TextContentAsync(".error-summary") ?? "", StringComparison.Ordinal);
        Assert.Equal("error-summary-title", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-labelledby')"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.FillAsync("#code", Code(key));
        await page.ClickAsync("#two-factor-form button[type=submit]");
        await page.WaitForURLAsync("**/staff");
        Assert.Equal("職員ホーム", (await page.TextContentAsync("h1"))?.Trim());
        Assert.Contains("市民 太郎", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithJavaScriptOff_Works_AndErrorsShowWithoutScript()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!, javaScript: false);

        await page.GotoAsync("/staff/sign-in");
        Assert.False(await page.IsVisibleAsync("#passkey-section"));
        await page.FillAsync("#email", Member);
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", await page.TextContentAsync(".error-summary") ?? "", StringComparison.Ordinal);
        Assert.Equal(Member, await page.InputValueAsync("#email"));
        Assert.Equal("", await page.InputValueAsync("#password"));

        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        Assert.EndsWith("/staff", page.Url, StringComparison.Ordinal);
        Assert.Contains("市民 太郎", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);

        await page.ClickAsync("header form[action='/staff/sign-out'] button");
        Assert.Contains("職員ログイン", await page.TextContentAsync("header") ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/sign-in")]
    [InlineData("/staff/security")]
    [InlineData("/staff")]
    [InlineData("/staff/sign-out")]
    [InlineData("/staff/access-denied")]
    public async Task IdentityPage_At320px_HasNoAxeViolationsAndNoSidewaysScroll(string path)
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!, width: 320, height: 640);
        await page.GotoAsync("/staff/sign-in");
        await SignInAsync(page);
        await page.WaitForURLAsync("**/staff");

        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
    }

    [Fact]
    public async Task SignInErrors_HaveNoAxeViolations_AndFocusTheSummary()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!);
        await page.GotoAsync("/staff/sign-in");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal(2, await page.Locator(".error-summary li").CountAsync());
        Assert.Equal("error-summary-title", await page.EvaluateAsync<string>("document.activeElement.getAttribute('aria-labelledby')"));
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.FillAsync("#email", Member);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
    }

    private static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();
}
