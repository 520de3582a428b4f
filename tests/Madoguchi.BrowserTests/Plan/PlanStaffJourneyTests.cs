using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Plan;

/// <summary>
/// A department submits its yearly report, the IT policy division evaluates it and issues the ICT
/// strategy council report; every staff page on the way, the public progress page and a KPI chart
/// pass axe-core.
/// </summary>
public sealed class PlanStaffJourneyTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private Task<IPage> SignedInAsync(string email, int width = 1280) => shared.Browser.NewStaffPageAsync(shared.App.RootUri!, email, width, height: 900);

    [Fact]
    public async Task Department_Submits_ItPolicy_Evaluates_AndIssuesTheCouncilReport()
    {
        var doro = await SignedInAsync("doro@musashino.example");
        await doro.GotoAsync("/staff/plan");
        await Accessibility.AssertNoViolationsAsync(doro);
        await doro.ClickAsync("#report-table tr[data-project='20'] a");
        await Accessibility.AssertNoViolationsAsync(doro);

        // Submitting without what was done: the error summary, then fix it.
        await doro.CheckAsync("#status-in-progress");
        await doro.ClickAsync("#submit-button");
        await Assertions.Expect(doro.Locator(".error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(doro);
        await doro.FillAsync("#Done", "路面性状調査にAI画像解析を試行した。");
        await doro.FillAsync("#NextYearPlan", "試行区間を市内全域に広げる。");
        await doro.FillAsync("#ProgressPercent", "55");
        await doro.ClickAsync("#submit-button");
        await Assertions.Expect(doro.Locator("#report-state")).ToContainTextAsync("提出済み");
        await Assertions.Expect(doro.Locator("#report-form")).ToHaveCountAsync(0);

        var it = await SignedInAsync("itpolicy@musashino.example");
        await it.GotoAsync("/staff/plan?year=2026");
        await Accessibility.AssertNoViolationsAsync(it);
        await it.ClickAsync("#report-table tr[data-project='20'][data-department='road-management'] a");
        await Accessibility.AssertNoViolationsAsync(it);
        await it.CheckAsync("#rating-A");
        await it.FillAsync("#EvaluationComment", "計画を上回って進んでいる。");
        await it.FillAsync("#NextYearPlanComment", "全域展開の費用対効果を示すこと。");
        await it.ClickAsync("#accept-button");
        await Assertions.Expect(it.Locator("#evaluation")).ToContainTextAsync("計画を上回って進んでいる。");

        await it.GotoAsync("/staff/plan/council/2026");
        await Accessibility.AssertNoViolationsAsync(it);
        await it.FillAsync("#Summary", "令和8年度は道路点検DXが計画を上回って進んだ。");
        await it.ClickAsync("#issue-button");
        await Assertions.Expect(it.Locator("#issued")).ToBeVisibleAsync();
        await Assertions.Expect(it.Locator("#council-projects tr[data-project='20']")).ToContainTextAsync("55%");
        await Accessibility.AssertNoViolationsAsync(it);

        await it.GotoAsync("/staff/plan/goals");
        await Accessibility.AssertNoViolationsAsync(it);

        // The public sees the evaluated report in the tree and on the project page.
        var visitor = await shared.Browser.NewPageAsync(shared.App.RootUri!);
        await visitor.GotoAsync("/plan/dx-2026/projects/20");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("計画を上回って進んでいる。");
        await Accessibility.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync("/plan/dx-2026");
        await Accessibility.AssertNoViolationsAsync(visitor);
        await visitor.GotoAsync("/plan/dx-2026/goals");
        await Assertions.Expect(visitor.Locator("svg.goal-chart").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(visitor);
    }

    [Theory]
    [InlineData("/staff/plan")]
    [InlineData("/staff/plan/reports/20/road-management")]
    public async Task DepartmentPages_At320px_HaveNoAxeViolationsOrSidewaysScroll(string path)
    {
        var page = await SignedInAsync("doro@musashino.example", width: 320);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
    }
}
