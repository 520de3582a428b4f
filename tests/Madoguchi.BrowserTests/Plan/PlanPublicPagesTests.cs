namespace Madoguchi.BrowserTests.Plan;

/// <summary>The public DX plan pages pass axe-core at desktop width and at 320 px without sideways scrolling.</summary>
public sealed class PlanPublicPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> Pages = new()
    {
        { "/plan", 1280 }, { "/plan/dx-2026", 1280 }, { "/plan/dx-2026?year=2030", 1280 }, { "/plan/dx-2026/projects/20", 1280 },
        { "/plan/dx-2026/projects/11", 1280 }, { "/plan/dx-2026/goals", 1280 }, { "/plan/dx-2026/previous", 1280 },
        { "/plan/dx-2026", 320 }, { "/plan/dx-2026/projects/11", 320 }, { "/plan/dx-2026/goals", 320 }, { "/plan/dx-2026/previous", 320 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PlanPage_HasNoAxeViolations(string path, int width)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, width: width, height: 800);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        if (width == 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }
    }

    [Fact]
    public async Task YearSelector_WorksWithoutJavaScript()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false);
        await page.GotoAsync("/plan/dx-2026");
        await page.SelectOptionAsync("#year", "2028");
        await page.ClickAsync("#year-form button[type=submit]");
        Assert.EndsWith("/plan/dx-2026?year=2028", page.Url, StringComparison.Ordinal);
        Assert.Contains("令和10年度", await page.TextContentAsync("#overall") ?? "", StringComparison.Ordinal);
    }
}
