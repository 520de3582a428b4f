using System.Net;
using System.Text;
using System.Text.Json;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Plan;

/// <summary>The public plan pages and the open-data API, without JavaScript.</summary>
public sealed class PlanPublicTests(SharedApp shared) : IClassFixture<SharedApp>
{
    private readonly MadoguchiApp _app = shared.App;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var client = _app.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct));
    }

    [Fact]
    public async Task ApiPlans_IsAnArrayWithTheDxPlan()
    {
        using var plans = await GetJsonAsync("/api/v1/plans");
        var plan = Assert.Single(plans.RootElement.EnumerateArray());
        Assert.Equal("dx-2026", plan.GetProperty("id").GetString());
        Assert.Equal(2026, plan.GetProperty("startFiscalYear").GetInt32());
        Assert.Equal(2030, plan.GetProperty("endFiscalYear").GetInt32());
    }

    [Fact]
    public async Task ApiPlan_IsTheTreeWithProgress_ForTheAskedYear()
    {
        using var tree = await GetJsonAsync("/api/v1/plans/dx-2026?year=2027");
        Assert.Equal(2027, tree.RootElement.GetProperty("fiscalYear").GetInt32());
        var policies = tree.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(5, policies.Count);
        Assert.All(policies, p => Assert.Equal("Policy", p.GetProperty("kind").GetString()));
        Assert.Equal(15, policies[0].GetProperty("projectCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, policies[2].GetProperty("progress").ValueKind); // Ⅲ has no project in the draft
        Assert.Equal(0m, policies[0].GetProperty("progress").GetDecimal());
    }

    [Fact]
    public async Task ApiProjects_ListsTwentyEightWithDepartmentsAndSchedule()
    {
        using var projects = await GetJsonAsync("/api/v1/plans/dx-2026/projects");
        var list = projects.RootElement.EnumerateArray().ToList();
        Assert.Equal(28, list.Count);
        var road = list.Single(p => p.GetProperty("number").GetInt32() == 20);
        Assert.Equal("道路点検DXの導入検討", road.GetProperty("title").GetString());
        Assert.Equal("road-management", road.GetProperty("departments")[0].GetProperty("code").GetString());
        Assert.Equal(5, road.GetProperty("schedule").GetArrayLength());
        Assert.StartsWith("Ⅱ", road.GetProperty("policy").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiPreviousItems_HasFortyTwo_AndGoalsSix()
    {
        using var items = await GetJsonAsync("/api/v1/plans/dx-2026/previous-items");
        Assert.Equal(42, items.RootElement.GetArrayLength());
        Assert.Equal("NotAchieved", items.RootElement[19].GetProperty("status").GetString());
        using var goals = await GetJsonAsync("/api/v1/plans/dx-2026/goals");
        Assert.Equal(6, goals.RootElement.GetArrayLength());
        Assert.True(goals.RootElement[5].GetProperty("stale").GetBoolean()); // goal 6 was last measured for FY2024
    }

    [Fact]
    public async Task ProjectsCsv_IsUtf8WithBom_HeaderAndOneRowPerProject()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/plans/dx-2026/projects.csv?year=2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(29, lines.Length);
        Assert.StartsWith("事業No,基本方針,施策,取組み,事業名,担当課", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("20,Ⅱ 持続可能な市役所業務へのアップデート,(2) 内部業務の効率化,", lines[20], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviousItemsCsv_HasFortyTwoRows()
    {
        using var client = _app.CreateClient();
        var text = Encoding.UTF8.GetString((await client.GetByteArrayAsync(new Uri("/api/v1/plans/dx-2026/previous-items.csv", UriKind.Relative), Ct))[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(43, lines.Length);
        Assert.Contains("No.69", lines[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPlan_Is404Problem()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/plans/nope/projects", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/plan/nope", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/plan/dx-2026/projects/99", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task TreePage_ShowsEveryPolicyAndProject_WithoutJavaScript()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/plan/dx-2026", UriKind.Relative), Ct));
        var tree = page.QuerySelector("#plan-tree")!;
        Assert.Equal(5, tree.QuerySelectorAll(":scope > li").Length);
        Assert.Equal(28, tree.QuerySelectorAll("a[href^='/plan/dx-2026/projects/']").Length);
        Assert.Contains("道路点検DXの導入検討", tree.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#year-form select[name=year] option[value='2030']"));
    }

    [Fact]
    public async Task ProjectPage_ShowsPathDepartmentsScheduleAndWhatItContinues()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/plan/dx-2026/projects/11", UriKind.Relative), Ct));
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("窓口での案内の充実・タブレット型端末の運用", text, StringComparison.Ordinal);
        Assert.Contains("デジタルデバイドへの対策の充実", text, StringComparison.Ordinal);
        Assert.Contains("多文化共生・交流課", page.QuerySelector("#departments")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("#schedule + .table-wrap tbody tr").Length);
        Assert.Contains("タブレット型端末を利用した通訳サービスの拡充", page.QuerySelector("#carried-from + ul")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviousPage_ListsFortyTwoItems_AndLinksCarryOversThatExist()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/plan/dx-2026/previous", UriKind.Relative), Ct));
        Assert.Equal(42, page.QuerySelectorAll("table.previous-items tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#item-1 a[href='/plan/dx-2026/projects/1']"));
        Assert.Null(page.QuerySelector("#item-3 a")); // No.69 is beyond the draft's list
        Assert.Contains("No.69", page.QuerySelector("#item-3")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoalsPage_HasAnSvgChartAndATablePerGoal()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/plan/dx-2026/goals", UriKind.Relative), Ct));
        Assert.Equal(6, page.QuerySelectorAll("section.goal").Length);
        Assert.Equal(6, page.QuerySelectorAll("svg.goal-chart[role=img] title").Length);
        Assert.Equal(6, page.QuerySelectorAll("section.goal table caption").Length);
        Assert.NotNull(page.QuerySelector(".tag--stale"));
    }
}
