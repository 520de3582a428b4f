using System.Net;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Plan;

/// <summary>
/// Yearly reports → evaluation → council report over HTTP, as browsers without JavaScript would:
/// least privilege per department, immutability after submission, the weighted public roll-up and
/// the frozen council snapshot.
/// </summary>
public sealed class PlanReportWorkflowTests : IAsyncLifetime
{
    private const string Doro = "doro@musashino.example";        // 道路管理課: project No. 20
    private const string ItPolicy = "itpolicy@musashino.example"; // 情報政策課, role ItPolicy
    private const string Road = "/staff/plan/reports/20/road-management?year=2026";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateBrowserLikeClient();
        var response = await SignInAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static Task<HttpResponseMessage> PostReportAsync(HttpClient client, AngleSharp.Dom.IDocument page, string command, string done = "点検要領を調査し、試行区間を選定した。", string? progress = null) =>
        Html.SubmitAsync(client, page, "#report-form", new Dictionary<string, string>
        {
            ["StatusChoice"] = "studying",
            ["ProgressPercent"] = progress ?? "",
            ["Done"] = done,
            ["Issues"] = "点検データの形式が部署で異なる。",
            ["NextYearPlan"] = "AI画像解析による路面点検を試行する。",
            ["IndicatorValues"] = "試行区間 3路線",
            ["Command"] = command,
        });

    private Task<ProgressReport?> RoadReportAsync() =>
        _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.Set<ProgressReport>().AsNoTracking().SingleOrDefaultAsync(r => r.FiscalYear == 2026, Ct));

    [Fact]
    public async Task Department_SeesOnlyItsOwnProjects_ItPolicySeesAll()
    {
        using var doro = await SignedInAsync(Doro);
        var mine = await GetPageAsync(doro, "/staff/plan?year=2026");
        var rows = mine.QuerySelectorAll("#report-table tbody tr");
        Assert.Equal(["20"], rows.Select(r => r.GetAttribute("data-project")));
        Assert.Null(mine.QuerySelector("#it-policy-menu"));

        using var it = await SignedInAsync(ItPolicy);
        var all = await GetPageAsync(it, "/staff/plan?year=2026");
        var allRows = all.QuerySelectorAll("#report-table tbody tr");
        Assert.True(allRows.Length > 40, $"{allRows.Length} rows");
        Assert.Equal(28, allRows.Select(r => r.GetAttribute("data-project")).Distinct().Count());
        Assert.NotNull(all.QuerySelector("#it-policy-menu a[href='/staff/plan/council/2026']"));
    }

    [Fact]
    public async Task Department_CannotReadOrWriteAnotherDepartmentsReport()
    {
        using var doro = await SignedInAsync(Doro);
        var read = await doro.GetAsync(new Uri("/staff/plan/reports/8/citizen-services?year=2026", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("/staff/access-denied", read.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Even with a form taken from its own page, posting to another department's report is refused.
        var own = await GetPageAsync(doro, Road);
        var form = own.QuerySelector("#report-form")!;
        form.SetAttribute("action", "/staff/plan/reports/8/citizen-services?year=2026");
        var post = await PostReportAsync(doro, own, "save");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/staff/access-denied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Null(await RoadReportAsync());

        // A department that is not responsible for the project has no report there at all.
        Assert.Equal(HttpStatusCode.NotFound, (await doro.GetAsync(new Uri("/staff/plan/reports/20/citizen-services?year=2026", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync(new Uri("/staff/plan", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_SavedSubmittedAndThenImmutable()
    {
        using var doro = await SignedInAsync(Doro);
        var saved = await PostReportAsync(doro, await GetPageAsync(doro, Road), "save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await RoadReportAsync();
        Assert.Equal((ReportState.Draft, 20), (draft!.State, draft.ProgressPercent)); // 検討中 implies 20 %

        var page = await GetPageAsync(doro, Road);
        Assert.Equal("点検要領を調査し、試行区間を選定した。", page.QuerySelector("#Done")!.TextContent);
        var submitted = await PostReportAsync(doro, page, "submit", progress: "30");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var report = await RoadReportAsync();
        Assert.Equal((ReportState.Submitted, 30), (report!.State, report.ProgressPercent));
        Assert.Contains("道路 一郎", report.SubmittedBy, StringComparison.Ordinal);

        // Read-only now; a replayed form (e.g. from another tab) is refused and changes nothing.
        var after = await GetPageAsync(doro, Road);
        Assert.Null(after.QuerySelector("#report-form"));
        var replay = await PostReportAsync(doro, page, "save", done: "書き換え");
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Equal("点検要領を調査し、試行区間を選定した。", (await RoadReportAsync())!.DoneJa);
    }

    [Fact]
    public async Task Submit_WithoutWhatWasDone_ShowsErrorsAndKeepsTypedValues()
    {
        using var doro = await SignedInAsync(Doro);
        var response = await PostReportAsync(doro, await GetPageAsync(doro, Road), "submit", done: "", progress: "150");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("実施内容", summary, StringComparison.Ordinal);
        Assert.Contains("0から100", summary, StringComparison.Ordinal);
        Assert.Equal("AI画像解析による路面点検を試行する。", page.QuerySelector("#NextYearPlan")!.TextContent);
        Assert.Null(await RoadReportAsync());
    }

    [Fact]
    public async Task StaleForm_AfterSomeoneElseSaved_IsRefusedNotOverwritten()
    {
        using var doro = await SignedInAsync(Doro);
        await PostReportAsync(doro, await GetPageAsync(doro, Road), "save");
        var first = await GetPageAsync(doro, Road);
        var second = await GetPageAsync(doro, Road);
        Assert.Equal(HttpStatusCode.Redirect, (await PostReportAsync(doro, first, "save", done: "一人目の変更")).StatusCode);
        var stale = await PostReportAsync(doro, second, "save", done: "二人目の変更");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("一人目の変更", (await RoadReportAsync())!.DoneJa);
    }

    [Fact]
    public async Task ItPolicy_ReturnsThenAccepts_AndOnlyAcceptedReportsReachThePublicRollUp()
    {
        using var doro = await SignedInAsync(Doro);
        await PostReportAsync(doro, await GetPageAsync(doro, Road), "submit", progress: "40");

        using var anonymous = _app.CreateClient();
        async Task<decimal> PublicProgressAsync()
        {
            using var json = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync(new Uri("/api/v1/plans/dx-2026/projects?year=2026", UriKind.Relative), Ct));
            return json.RootElement.EnumerateArray().Single(p => p.GetProperty("number").GetInt32() == 20).GetProperty("progress").GetDecimal();
        }

        Assert.Equal(0m, await PublicProgressAsync()); // submitted, not yet evaluated

        // The department cannot evaluate its own report.
        var doroPage = await GetPageAsync(doro, Road);
        Assert.Null(doroPage.QuerySelector("#evaluate-form"));

        using var it = await SignedInAsync(ItPolicy);
        var evaluate = await GetPageAsync(it, Road);
        Assert.Null(evaluate.QuerySelector("#report-form")); // IT policy evaluates; it does not write another department's report
        var returned = await Html.SubmitAsync(it, evaluate, "#evaluate-form", new Dictionary<string, string> { ["Command"] = "return", ["ReturnReason"] = "指標の値を追記してください。" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(ReportState.Returned, (await RoadReportAsync())!.State);

        var revise = await GetPageAsync(doro, Road);
        Assert.Contains("指標の値を追記してください。", revise.QuerySelector("#return-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostReportAsync(doro, revise, "submit", progress: "40")).StatusCode);

        var noRating = await Html.SubmitAsync(it, await GetPageAsync(it, Road), "#evaluate-form", new Dictionary<string, string> { ["Command"] = "accept", ["EvaluationComment"] = "順調。" });
        Assert.Equal(HttpStatusCode.BadRequest, noRating.StatusCode);

        var accepted = await Html.SubmitAsync(it, await GetPageAsync(it, Road), "#evaluate-form", new Dictionary<string, string>
        {
            ["Command"] = "accept",
            ["Rating"] = "B",
            ["EvaluationComment"] = "概ね計画どおり。",
            ["NextYearPlanComment"] = "試行の評価指標を定めること。",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var report = await RoadReportAsync();
        Assert.Equal((ReportState.Accepted, EvaluationRating.B), (report!.State, report.Rating));
        Assert.Equal(40m, await PublicProgressAsync());

        var projectPage = await Html.ParseAsync(await anonymous.GetAsync(new Uri("/plan/dx-2026/projects/20", UriKind.Relative), Ct));
        Assert.Contains("概ね計画どおり。", projectPage.QuerySelector("#reports ~ section")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_CannotEvaluate_EvenByPostingTheForm()
    {
        using var doro = await SignedInAsync(Doro);
        await PostReportAsync(doro, await GetPageAsync(doro, Road), "submit");
        using var it = await SignedInAsync(ItPolicy);
        var evaluate = await GetPageAsync(it, Road);
        var forged = await Html.SubmitAsync(doro, evaluate, "#evaluate-form", new Dictionary<string, string> { ["Command"] = "accept", ["Rating"] = "A", ["EvaluationComment"] = "自己評価" });
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(ReportState.Submitted, (await RoadReportAsync())!.State);
    }

    [Fact]
    public async Task CouncilReport_IsForItPolicyOnly_AndFrozenOnceIssued()
    {
        using var doro = await SignedInAsync(Doro);
        Assert.Contains("/staff/access-denied", (await doro.GetAsync(new Uri("/staff/plan/council/2026", UriKind.Relative), Ct)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        await PostReportAsync(doro, await GetPageAsync(doro, Road), "submit", progress: "50");

        using var it = await SignedInAsync(ItPolicy);
        await Html.SubmitAsync(it, await GetPageAsync(it, Road), "#evaluate-form", new Dictionary<string, string> { ["Command"] = "accept", ["Rating"] = "A", ["EvaluationComment"] = "計画どおり。" });

        var draft = await GetPageAsync(it, "/staff/plan/council/2026");
        Assert.NotNull(draft.QuerySelector("#draft-notice"));
        var issued = await Html.SubmitAsync(it, draft, "#issue-form", new Dictionary<string, string> { ["Summary"] = "令和8年度は道路点検DXが計画どおり進んだ。" });
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);

        var frozen = await GetPageAsync(it, "/staff/plan/council/2026");
        Assert.NotNull(frozen.QuerySelector("#issued"));
        var overall = frozen.QuerySelector("#council-overall")!.TextContent;
        Assert.Contains("A 1", frozen.QuerySelector("#council-ratings")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("50%", frozen.QuerySelector("#council-projects tr[data-project='20']")!.TextContent, StringComparison.Ordinal);

        // A later change to the year's reports does not change the issued report.
        await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var report = await db.Set<ProgressReport>().SingleAsync(Ct);
            report.ProgressPercent = 100;
            return await db.SaveChangesAsync(Ct);
        });
        var later = await GetPageAsync(it, "/staff/plan/council/2026");
        Assert.Equal(overall, later.QuerySelector("#council-overall")!.TextContent);
        Assert.Contains("50%", later.QuerySelector("#council-projects tr[data-project='20']")!.TextContent, StringComparison.Ordinal);

        var again = await Html.SubmitAsync(it, draft, "#issue-form", new Dictionary<string, string> { ["Summary"] = "二度目" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var csv = await it.GetAsync(new Uri("/staff/plan/council/2026?handler=Csv", UriKind.Relative), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("道路点検DXの導入検討", System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ItPolicy_RecordsAGoalMeasurement_WithWhoWhenAndSource()
    {
        using var it = await SignedInAsync(ItPolicy);
        var page = await GetPageAsync(it, "/staff/plan/goals");
        var response = await Html.SubmitAsync(it, page, "#measure-form", new Dictionary<string, string>
        {
            ["GoalNumber"] = "6",
            ["FiscalYear"] = "2026",
            ["Value"] = "81",
            ["MeasuredOn"] = "2026-11-01",
            ["Source"] = "オープンデータカタログの掲載数",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var goal = await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.Set<PriorityGoal>().AsNoTracking().Include(g => g.Measurements).SingleAsync(g => g.Number == 6, Ct));
        var latest = goal.Latest!;
        Assert.Equal((81m, 2026, "オープンデータカタログの掲載数", false), (latest.Value, latest.FiscalYear, latest.SourceJa, latest.IsIllustrative));
        Assert.Contains("情報 政策子", latest.RecordedBy, StringComparison.Ordinal);
        Assert.False(goal.IsStale(new DateOnly(2026, 11, 25)));

        using var doro = await SignedInAsync(Doro);
        Assert.Equal(HttpStatusCode.Redirect, (await doro.GetAsync(new Uri("/staff/plan/goals", UriKind.Relative), Ct)).StatusCode);
    }
}
