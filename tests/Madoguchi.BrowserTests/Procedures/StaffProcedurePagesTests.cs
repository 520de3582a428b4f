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

    /// <summary>
    /// The system administrator's page: signed in once through the sign-in page for the class, then the same
    /// session in a new context per test (<see cref="Browser.NewStaffPageAsync"/>). Signing in itself is tested by
    /// the identity tests; signing in again for each of these pages only added a slow password check per test.
    /// </summary>
    private Task<IPage> SignedInAdminAsync(int width) => shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "admin@musashino.example", width);
}
