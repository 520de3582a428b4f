using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests;

public static class Accessibility
{
    /// <summary>Runs axe-core (WCAG 2.x A and AA rules) on the page and fails with every violation listed.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}");
        Assert.True(result.Violations.Length == 0, $"axe-core violations on {page.Url}:\n" + string.Join("\n", violations));
    }
}
