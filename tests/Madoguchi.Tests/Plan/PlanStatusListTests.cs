using System.Net;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Plan;

/// <summary>The IT policy division edits the report status list (進捗状況の区分) over HTTP without JavaScript.</summary>
public sealed class PlanStatusListTests : IAsyncLifetime
{
    private const string Page = "/staff/plan/statuses";
    private const string Road = "/staff/plan/reports/20/road-management?year=2026";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<List<ProgressStatus>> StatusesAsync() =>
        _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<ProgressStatus>().AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(Ct));

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = _app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, email)).StatusCode);
        return client;
    }

    private static string Row(ProgressStatus s) => $"#s-{s.Id:N}";

    [Fact]
    public async Task ItPolicy_RenamesAddsReordersRetires_AndDepartmentsSeeTheNewList()
    {
        // 道路管理課 saves a draft report with 検討中, so that status is in use.
        using var doro = await SignedInAsync("doro@musashino.example");
        var report = await GetPageAsync(doro, Road);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(doro, report, "#report-form", new Dictionary<string, string>
        {
            ["StatusChoice"] = "studying",
            ["ProgressPercent"] = "",
            ["Done"] = "点検要領を調査した。",
            ["Issues"] = "データ形式が異なる。",
            ["NextYearPlan"] = "試行する。",
            ["IndicatorValues"] = "3路線",
            ["Command"] = "save",
        })).StatusCode);
        Assert.Contains("/staff/access-denied", (await doro.GetAsync(new Uri(Page, UriKind.Relative), Ct)).Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var it = await SignedInAsync("itpolicy@musashino.example");
        var statuses = await StatusesAsync();
        var studying = statuses.Single(s => s.Code == "studying");
        var page = await GetPageAsync(it, Page);
        Assert.Equal(["未着手", "検討中", "準備中", "実施中", "概ね完了", "完了"], page.QuerySelectorAll("#statuses .status-name").Select(h => h.TextContent.Trim().Split(' ')[0]));
        Assert.Contains("1件", page.QuerySelector(Row(studying))!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#delete-{studying.Id:N}"));

        // Rename (ja/en) and change the implied %; a bad % keeps what was typed and explains.
        var bad = await Html.SubmitAsync(it, page, Row(studying) + "-form", new Dictionary<string, string> { ["NameJa"] = "調査中", ["NameEn"] = "Investigating", ["Progress"] = "120" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await Html.ParseAsync(bad);
        Assert.Contains("0から100までの整数", badPage.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("調査中", badPage.QuerySelector($"#s-{studying.Id:N}-ja")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(it, page, Row(studying) + "-form", new Dictionary<string, string> { ["NameJa"] = "調査中", ["NameEn"] = "Investigating", ["Progress"] = "25" })).StatusCode);

        // Add one; it goes last. Move it up one place.
        page = await GetPageAsync(it, Page);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(it, page, "#new-status-form", new Dictionary<string, string> { ["NameJa"] = "休止中", ["NameEn"] = "Paused", ["Progress"] = "10" })).StatusCode);
        var paused = (await StatusesAsync()).Single(s => s.NameJa == "休止中");
        page = await GetPageAsync(it, Page);
        var up = page.QuerySelector(Row(paused))!.QuerySelectorAll("form").First(f => f.GetAttribute("action")!.Contains("up=true", StringComparison.Ordinal));
        up.Id = "move-up";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(it, page, "#move-up", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(["未着手", "調査中", "準備中", "実施中", "概ね完了", "休止中", "完了"], (await StatusesAsync()).Select(s => s.NameJa));

        // A used status cannot be deleted (even by a forged post), only retired.
        page = await GetPageAsync(it, Page);
        page.QuerySelector(Row(studying))!.QuerySelector("form[action*='Retire']")!.Id = "retire-form";
        var deleteUsed = await it.PostAsync(new Uri($"{Page}?handler=Delete&id={studying.Id}", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]), Ct);
        Assert.Equal(HttpStatusCode.Conflict, deleteUsed.StatusCode);
        Assert.Contains("廃止する", (await Html.ParseAsync(deleteUsed)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(it, page, "#retire-form", new Dictionary<string, string>())).StatusCode);
        var retired = (await StatusesAsync()).Single(s => s.Code == "studying");
        Assert.Equal(("調査中", "Investigating", 25, false), (retired.NameJa, retired.NameEn, retired.ImpliedProgress, retired.IsActive));
        Assert.True(await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.AuditEntries.AnyAsync(a => a.Action == "plan.status_retired", Ct)));

        // An unused one can be deleted.
        page = await GetPageAsync(it, Page);
        page.QuerySelector($"#delete-{paused.Id:N}")!.ParentElement!.Id = "delete-form";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(it, page, "#delete-form", new Dictionary<string, string>())).StatusCode);
        Assert.DoesNotContain(await StatusesAsync(), s => s.NameJa == "休止中");

        // The department's report form offers the new list without the retired status.
        report = await GetPageAsync(doro, Road);
        var choices = report.QuerySelectorAll("[name=StatusChoice]").Select(e => e.GetAttribute("value")).ToList();
        Assert.DoesNotContain("studying", choices);
        Assert.Contains("preparing", choices);
    }

    [Fact]
    public async Task AnOrganisationWithoutStatuses_StartsWithTheDefaultList()
    {
        var count = await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            db.Set<ProgressStatus>().RemoveRange(await db.Set<ProgressStatus>().ToListAsync(Ct));
            await db.SaveChangesAsync(Ct);
            await ProgressStatuses.EnsureDefaultsAsync(db, Ct);
            await ProgressStatuses.EnsureDefaultsAsync(db, Ct);
            return await db.Set<ProgressStatus>().CountAsync(Ct);
        });
        Assert.Equal(6, count);
        Assert.Equal([0, 20, 40, 60, 80, 100], (await StatusesAsync()).Select(s => s.ImpliedProgress));
    }
}
