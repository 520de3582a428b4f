using Madoguchi.Testing.Forms;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Forms;

/// <summary>
/// 書かない窓口 in Chromium: a 市民課 staff member signs in, opens counter mode for 住民票の写し, fills the
/// form's pages, turns the tablet to the citizen who ticks 「内容を確認しました」, submits, gets the
/// printable application, and finds the case in the inbox marked 窓口. Once at 320 px without
/// JavaScript, once on a desktop with it; every counter page passes axe-core both times.
/// </summary>
public sealed class CounterModeBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    [Fact]
    public async Task Staff_FillAnApplicationWithTheCitizen_WhoConfirms_AndTheCaseIsMarkedCounter()
    {
        await TestForms.PublishAsync(shared.App);
        await RunAsync(javaScript: false, width: 320);
        await RunAsync(javaScript: true, width: 1280);
    }

    private async Task RunAsync(bool javaScript, int width)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: javaScript, width: width);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", "shimin@musashino.example");
        await page.FillAsync("#password", Madoguchi.Platform.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 60_000 });

        await page.ClickAsync("#staff-menu a[href='/staff/counter']");
        await page.WaitForURLAsync("**/staff/counter");
        await AssertAccessibleAsync(page, width);
        await page.ClickAsync($"form[data-start='{TestForms.Slug}'] button");

        await page.WaitForURLAsync("**/applicant");
        await page.FillAsync("input[name='applicantName.family']", "武蔵野");
        await page.FillAsync("input[name='applicantName.given']", "太郎");
        await page.FillAsync("input[name='applicantName.familyKana']", "ムサシノ");
        await page.FillAsync("input[name='applicantName.givenKana']", "タロウ");
        await page.SelectOptionAsync("select[name='dateOfBirth.era']", "西暦");
        await page.FillAsync("input[name='dateOfBirth.year']", "1990");
        await page.FillAsync("input[name='dateOfBirth.month']", "4");
        await page.FillAsync("input[name='dateOfBirth.day']", "1");
        await page.FillAsync("input[name='email']", "taro@example.jp");
        await AssertAccessibleAsync(page, width);
        await page.ClickAsync("#step-form .button-row button[type=submit]");

        await page.WaitForURLAsync("**/request");
        await page.FillAsync("input[name='copies']", "2");
        await page.CheckAsync("input[name='purpose'][value='work']");
        await page.ClickAsync("#step-form .button-row button[type=submit]");
        await page.WaitForURLAsync("**/household");
        await page.ClickAsync("#step-form .button-row button[type=submit]");
        await page.WaitForURLAsync("**/declaration");
        await page.CheckAsync("input[name='consent']");
        await page.ClickAsync("#step-form .button-row button[type=submit]");

        // The citizen's confirmation: submitting without ticking the box is refused with a linked error.
        await page.WaitForURLAsync("**/confirm");
        Assert.Contains("武蔵野", await page.InnerTextAsync(".counter-confirm"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, width);
        await page.ClickAsync("#confirm-form button[type=submit]");
        Assert.Equal(1, await page.Locator(".error-summary a[href='#confirmed']").CountAsync());
        await AssertAccessibleAsync(page, width);
        await page.CheckAsync("#confirmed");
        await page.ClickAsync("#confirm-form button[type=submit]");

        await page.WaitForURLAsync("**/staff/counter/submissions/**");
        var receipt = (await page.InnerTextAsync("#receipt-number")).Trim();
        Assert.StartsWith("MSN-", receipt, StringComparison.Ordinal);
        Assert.Equal("窓口", (await page.InnerTextAsync("#channel")).Trim());
        await AssertAccessibleAsync(page, width);
        // Printed, the navigation is left out and the application stays.
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.False(await page.IsVisibleAsync("nav.breadcrumb"));
        Assert.True(await page.IsVisibleAsync(".counter-print"));
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });

        // The case reaches the department's inbox marked 窓口 (the outbox delivers within seconds).
        var row = page.Locator($"#cases tr[data-receipt='{receipt}']");
        for (var attempt = 0; attempt < 50 && await row.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/staff/cases");
            if (await row.CountAsync() == 0)
            {
                await Task.Delay(300, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal("窓口", (await row.Locator("[data-channel='counter']").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    private static async Task AssertAccessibleAsync(IPage page, int width)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} scrolls sideways at {width} px ({scrollWidth} px wide).");
    }
}
