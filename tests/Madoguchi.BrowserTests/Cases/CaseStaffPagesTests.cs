using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>
/// The inbox and the case page at 320 px: axe-core finds nothing (also on the error state) and nothing scrolls
/// sideways. The whole journey through the case pages at desktop width is <see cref="CaseJourneyTests"/>.
/// </summary>
public sealed class CaseStaffPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    [Fact]
    public async Task InboxAndCasePage_PassAxe_At320Pixels_WithoutSidewaysScrolling()
    {
        var receipt = await SubmitAsync("三鷹");
        var clerk = await SignedInAsync("shimin@musashino.example", 320);
        var caseUrl = await OpenFromInboxAsync(clerk, receipt);
        foreach (var path in new[] { "/staff/cases", "/staff/cases?status=received&assignee=unassigned", caseUrl })
        {
            await clerk.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(clerk);
            var scrollWidth = await clerk.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }

        // A mistake (note left empty): the error summary passes axe too.
        await PressAsync(clerk, "#note-form button[type=submit]", wait: false);
        await clerk.WaitForSelectorAsync(".error-summary");
        await Accessibility.AssertNoViolationsAsync(clerk);
    }

    private Task<string> SubmitAsync(string family) => CasePages.SubmitTestFormAsync(shared.App, family);

    private static Task<string> OpenFromInboxAsync(IPage page, string receipt) => CasePages.OpenFromInboxAsync(page, receipt);

    private static Task PressAsync(IPage page, string selector, bool wait) => CasePages.PressAsync(page, selector, wait);

    private Task<IPage> SignedInAsync(string email, int width) => shared.Browser.NewStaffPageAsync(shared.App.RootUri!, email, width);
}
