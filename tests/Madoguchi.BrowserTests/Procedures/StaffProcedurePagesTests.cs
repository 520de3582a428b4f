using Madoguchi.Platform.Seeding;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Procedures;

/// <summary>The staff procedure catalog pages pass axe-core, at desktop width and at 320 px, including a page with errors.</summary>
public sealed class StaffProcedurePagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> Pages = new()
    {
        { "/staff/procedures", 1280 }, { "/staff/procedures?department=waste&q=ごみ", 1280 }, { "/staff/procedures/juminhyo-copy", 1280 },
        { "/staff/procedures/new", 1280 }, { "/staff/procedures?culture=en&ui-culture=en", 1280 },
        { "/staff/procedures", 320 }, { "/staff/procedures/juminhyo-copy", 320 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoAxeViolations(string path, int width)
    {
        var page = await SignedInAdminAsync(width);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        if (width == 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }
    }

    [Fact]
    public async Task EditWithAMistake_ShowsTheErrorSummary_KeepsTheValue_AndPassesAxe()
    {
        var page = await SignedInAdminAsync(1280);
        await page.GotoAsync("/staff/procedures/dog-registration");
        await page.FillAsync("#Fee", "三千円");
        await page.FillAsync("#TitleEn", "");
        await page.ClickAsync("#procedure-form button[type=submit]");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Equal("三千円", await page.InputValueAsync("#Fee"));
        Assert.Equal(2, await page.Locator(".error-summary a").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // Following the summary's link moves to the field.
        await page.ClickAsync(".error-summary a[href='#TitleEn']");
        await page.FillAsync("#TitleEn", "Register a dog");
        await page.FillAsync("#Fee", "3000");
        await page.ClickAsync("#procedure-form button[type=submit]");
        await page.WaitForSelectorAsync("#saved");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    private async Task<IPage> SignedInAdminAsync(int width)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, width: width, height: 800);
        var first = await TrySignInAsync(page);
        if (first is null)
        {
            return page;
        }

        // As in the admin pages' tests: under load on two cores the sign-in has been seen not to reach
        // /staff once. Say what the browser showed, try once more, and fail with both if it happens again.
        TestContext.Current.SendDiagnosticMessage("First sign-in attempt did not reach /staff: " + first);
        var second = await TrySignInAsync(page);
        Assert.True(second is null, $"Sign-in did not reach /staff twice. First: {first}\nSecond: {second}");
        return page;
    }

    /// <summary>Signs the admin in; null when it reached /staff, else where the browser is and what it shows.</summary>
    private static async Task<string?> TrySignInAsync(IPage page)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", "admin@musashino.example");
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        try
        {
            await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 45_000 });
            return null;
        }
        catch (TimeoutException)
        {
            return $"{page.Url}: {await page.InnerTextAsync("body")}";
        }
    }
}
