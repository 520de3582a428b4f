using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests;

public static class Accessibility
{
    /// <summary>axe-core never finishes a run on a page whose JavaScript is off (its timers and promises never fire).</summary>
    private static readonly ConditionalWeakTable<IPage, IBrowser> JavaScriptOffPages = [];

    /// <summary>Called by <see cref="Browser.NewPageAsync"/> for every page opened with JavaScript off.</summary>
    internal static void RememberJavaScriptOff(IPage page, IBrowser browser) => JavaScriptOffPages.AddOrUpdate(page, browser);

    /// <summary>
    /// Runs axe-core (WCAG 2.x A and AA rules) on the page and fails with every violation listed. A page shown
    /// with JavaScript off is checked as it is: its DOM is served again, at the same address and viewport, to a
    /// page where axe can run but the page's own scripts cannot (script requests are refused), so what is
    /// checked is what a person without JavaScript sees, including pages that answered a POST.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!JavaScriptOffPages.TryGetValue(page, out var browser))
        {
            await AssertNoViolationsCoreAsync(page, page.Url);
            return;
        }

        var url = page.Url;
        var html = await page.ContentAsync();
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
            Locale = "ja-JP",
        });
        context.SetDefaultTimeout(90_000);
        await context.RouteAsync(u => u == url, route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        await context.RouteAsync(u => new Uri(u).AbsolutePath.EndsWith(".js", StringComparison.Ordinal), route => route.AbortAsync());
        var mirror = await context.NewPageAsync();
        await mirror.GotoAsync(url);
        await AssertNoViolationsCoreAsync(mirror, url + " (JavaScript off)");
    }

    private static async Task AssertNoViolationsCoreAsync(IPage page, string shownAs)
    {
        // A run that never ends must fail the test, not hang the suite.
        // axe-core's "legacy" run: axe.run in the page itself. The default run finishes every check in a new blank
        // page (a browser context and renderer process of its own), which cost most of each check's seconds on two
        // cores. Its benefit is for cross-origin iframes, which no page here has.
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete in favour of the iframe-aware run above.
        var result = await page.RunAxeLegacy(options: new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        }).WaitAsync(TimeSpan.FromMinutes(3));
#pragma warning restore CS0618
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"axe-core violations on {shownAs}:\n" + string.Join("\n", violations));
    }
}
