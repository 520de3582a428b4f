using System.Net;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.PublicComments;

/// <summary>Staff create and edit public comment processes (意見募集の作成・編集) over HTTP, as a browser without JavaScript.</summary>
public sealed class PublicCommentEditorTests : IAsyncLifetime
{
    private const string Draft = "## 第1章 計画の趣旨\n\nこの計画は **市民** のためのものです。\n\n<script>alert('x')</script>\n\n[危ないリンク](javascript:alert(1)) と [市のサイト](https://www.city.musashino.lg.jp/)\n\n## 第2章 施策\n\n- 窓口のデジタル化\n- 職員の育成";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<T> InMusashino<T>(Func<Madoguchi.Platform.Data.MadoguchiDb, Task<T>> action) =>
        _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => action(db));

    private static string JapanDay(int offset) => DateOnly.FromDateTime(PublicCommentProcess.ToJapan(DateTime.UtcNow)).AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<Guid> DepartmentAsync(string code) => await InMusashino(db => db.Set<Department>().Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct));

    private static Dictionary<string, string> Filled(Guid department, string slug = "road-plan", string opens = "", string closes = "") => new()
    {
        ["Slug"] = slug,
        ["TitleJa"] = "道路整備計画（案）",
        ["TitleEn"] = "Road plan (draft)",
        ["ReceiptPrefix"] = "rd",
        ["SummaryJa"] = "道路整備計画の案への意見を募集します。",
        ["DepartmentId"] = department.ToString(),
        ["OpensOn"] = opens.Length > 0 ? opens : JapanDay(7),
        ["ClosesOn"] = closes.Length > 0 ? closes : JapanDay(37),
        ["ChannelWeb"] = "true",
        ["ChannelEmail"] = "true",
        ["ChannelFax"] = "false", // a browser sends nothing for an unticked box; "false" binds the same
        ["ChannelPost"] = "false",
        ["RequireName"] = "true",
        ["RequireAddress"] = "true",
        ["RequireContact"] = "false",
        ["AskAgeGroup"] = "false",
        ["ContactEmail"] = "doro@city.example.jp",
        ["Draft"] = Draft,
    };

    [Fact]
    public async Task Department_CreatesAProcess_SectionsFromHeadings_AndResidentsSeeItOpenWithoutScriptTags()
    {
        using var staff = _app.CreateBrowserLikeClient();
        await SignInAsync(staff, "doro@musashino.example");
        var road = await DepartmentAsync("road-management");
        var form = await GetPageAsync(staff, "/staff/public-comments/new");
        // Only the departments the member belongs to are offered.
        Assert.Equal([road.ToString()], form.QuerySelectorAll("#DepartmentId option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0));

        var preview = await Html.SubmitAsync(staff, form, "#process-form", Filled(road));
        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.Equal("/staff/public-comments/road-plan/edit?done=saved", preview.Headers.Location!.OriginalString);
        var saved = await GetPageAsync(staff, preview.Headers.Location.OriginalString);
        Assert.Equal(["第1章 計画の趣旨", "第2章 施策"], saved.QuerySelectorAll("#preview h3").Select(h => h.TextContent));
        Assert.Contains("## 第2章 施策", saved.QuerySelector("#Draft")!.TextContent, StringComparison.Ordinal);

        var process = await InMusashino(db => db.Set<PublicCommentProcess>().AsNoTracking().SingleAsync(p => p.Slug == "road-plan", Ct));
        Assert.Equal(("RD", OpinionChannels.Web | OpinionChannels.Email, false, road), (process.ReceiptPrefix, process.Channels, process.RequireContact, process.DepartmentId));
        Assert.Equal(PublicCommentProcess.ToUtc(DateOnly.Parse(JapanDay(37), System.Globalization.CultureInfo.InvariantCulture).AddDays(1), TimeOnly.MinValue), process.DeadlineUtc);
        Assert.True(await InMusashino(db => db.AuditEntries.AnyAsync(a => a.Action == "publiccomment.process_created" && a.EntityId == process.Id.ToString(), Ct)));

        // Open it now, as time passing would, and look as a resident.
        await InMusashino(async db =>
        {
            var p = await db.Set<PublicCommentProcess>().SingleAsync(x => x.Slug == "road-plan", Ct);
            p.OpensAt = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync(Ct);
        });
        using var resident = _app.CreateClient();
        var page = await GetPageAsync(resident, "/public-comments/road-plan");
        Assert.Equal(2, page.QuerySelectorAll(".pc-section").Length);
        var body = page.QuerySelector("#section-1 .pc-section-body")!;
        Assert.Empty(body.QuerySelectorAll("script"));
        Assert.Contains("<script>alert('x')</script>", body.TextContent, StringComparison.Ordinal);
        Assert.Equal("市民", body.QuerySelector("strong")!.TextContent);
        Assert.DoesNotContain(body.QuerySelectorAll("a"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(body.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://www.city.musashino.lg.jp/");
        Assert.Equal(2, page.QuerySelectorAll("#section-2 li").Length);
        Assert.NotNull(page.QuerySelector("a[href='/public-comments/road-plan/opinion?section=2']"));
    }

    [Fact]
    public async Task InvalidForm_ShowsJapaneseErrors_AndKeepsWhatWasTyped()
    {
        using var staff = _app.CreateBrowserLikeClient();
        await SignInAsync(staff, "itpolicy@musashino.example");
        var form = await GetPageAsync(staff, "/staff/public-comments/new");
        var values = Filled(await DepartmentAsync("it-policy"), slug: "demo-open", opens: JapanDay(10), closes: JapanDay(9));
        values["TitleJa"] = " ";
        values["Draft"] = "前置きの文章\n\n## 見出し\n\n本文";
        values["ChannelWeb"] = "false";
        values["ChannelEmail"] = "false";
        var response = await Html.SubmitAsync(staff, form, "#process-form", values);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        foreach (var field in new[] { "Slug", "TitleJa", "ClosesOn", "ChannelWeb", "Draft" })
        {
            Assert.NotNull(summary.QuerySelector($"a[href='#{field}']"));
        }

        Assert.Contains("締切日は募集開始日と同じ日かそれより後にしてください。", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("すでに使われています", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("前置きの文章\n\n## 見出し\n\n本文", page.QuerySelector("#Draft")!.TextContent);
        Assert.Equal("Road plan (draft)", page.QuerySelector("#TitleEn")!.GetAttribute("value"));
        Assert.Equal(JapanDay(9), page.QuerySelector("#ClosesOn")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#ChannelWeb")!.GetAttribute("checked"));
        Assert.False(await InMusashino(db => db.Set<PublicCommentProcess>().AnyAsync(p => p.TitleEn == "Road plan (draft)", Ct)));

        // The same errors in English.
        var english = await staff.PostAsync(new Uri("/staff/public-comments/new?culture=en&ui-culture=en", UriKind.Relative), new FormUrlEncodedContent(
            [.. values, new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]), Ct);
        Assert.Contains("The closing day must be on or after the opening day.", (await Html.ParseAsync(english)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ShowsTheSections_WithoutSaving()
    {
        using var staff = _app.CreateBrowserLikeClient();
        await SignInAsync(staff, "itpolicy@musashino.example");
        var form = await GetPageAsync(staff, "/staff/public-comments/new");
        form.QuerySelector("#process-form")!.SetAttribute("action", "/staff/public-comments/new?handler=Preview");
        var response = await Html.SubmitAsync(staff, form, "#process-form", Filled(await DepartmentAsync("it-policy"), slug: "preview-only"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal(2, page.QuerySelectorAll("#preview .pc-section").Length);
        Assert.Empty(page.QuerySelectorAll("#preview script"));
        Assert.False(await InMusashino(db => db.Set<PublicCommentProcess>().AnyAsync(p => p.Slug == "preview-only", Ct)));
    }

    [Fact]
    public async Task OtherDepartments_CannotCreateOrEdit_ASystemAdminCan()
    {
        var itPolicy = await DepartmentAsync("it-policy");
        using var doro = _app.CreateBrowserLikeClient();
        await SignInAsync(doro, "doro@musashino.example");
        var refused = await doro.GetAsync(new Uri("/staff/public-comments/demo-open/edit", UriKind.Relative), Ct);
        Assert.Contains("/staff/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var form = await GetPageAsync(doro, "/staff/public-comments/new");
        var forged = await Html.SubmitAsync(doro, form, "#process-form", Filled(itPolicy, slug: "forged"));
        Assert.Contains("/staff/access-denied", forged.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await InMusashino(db => db.Set<PublicCommentProcess>().AnyAsync(p => p.Slug == "forged", Ct)));

        using var admin = _app.CreateBrowserLikeClient();
        await SignInAsync(admin, Admin);
        var adminForm = await GetPageAsync(admin, "/staff/public-comments/new");
        Assert.True(adminForm.QuerySelectorAll("#DepartmentId option").Length > 3);
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, adminForm, "#process-form", Filled(await DepartmentAsync("road-management"), slug: "by-admin"))).StatusCode);
    }

    [Fact]
    public async Task BeforeOpening_EverythingChanges_OnceOpen_OnlyTheClosingDayIsExtended_AndAudited()
    {
        using var staff = _app.CreateBrowserLikeClient();
        await SignInAsync(staff, "doro@musashino.example");
        var road = await DepartmentAsync("road-management");
        await Html.SubmitAsync(staff, await GetPageAsync(staff, "/staff/public-comments/new"), "#process-form", Filled(road));

        var edit = await GetPageAsync(staff, "/staff/public-comments/road-plan/edit");
        var values = Filled(road);
        values.Remove("Slug");
        values["TitleJa"] = "道路整備計画（修正案）";
        values["Draft"] = "## ただ一つの項目\n\n本文";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, edit, "#process-form", values)).StatusCode);
        var process = await InMusashino(db => db.Set<PublicCommentProcess>().AsNoTracking().SingleAsync(p => p.Slug == "road-plan", Ct));
        Assert.Equal("道路整備計画（修正案）", process.TitleJa);
        Assert.Equal(["ただ一つの項目"], await InMusashino(db => db.Set<DraftSection>().Where(s => s.ProcessId == process.Id).Select(s => s.HeadingJa).ToListAsync(Ct)));

        await InMusashino(async db =>
        {
            var p = await db.Set<PublicCommentProcess>().SingleAsync(x => x.Slug == "road-plan", Ct);
            p.OpensAt = DateTime.UtcNow.AddDays(-1);
            return await db.SaveChangesAsync(Ct);
        });
        edit = await GetPageAsync(staff, "/staff/public-comments/road-plan/edit");
        Assert.NotNull(edit.QuerySelector("#locked-notice"));
        Assert.NotNull(edit.QuerySelector("#TitleJa[readonly]"));

        // Shortening is refused; the stored values are shown again.
        values["ClosesOn"] = JapanDay(30);
        var shorter = await Html.SubmitAsync(staff, edit, "#process-form", values);
        Assert.Equal(HttpStatusCode.BadRequest, shorter.StatusCode);
        Assert.Contains("延長だけができます", (await Html.ParseAsync(shorter)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        values["ClosesOn"] = JapanDay(44);
        values["TitleJa"] = "勝手に変えた件名";
        values["Draft"] = "## 差し替え";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, edit, "#process-form", values)).StatusCode);
        process = await InMusashino(db => db.Set<PublicCommentProcess>().AsNoTracking().SingleAsync(p => p.Slug == "road-plan", Ct));
        Assert.Equal(DateOnly.Parse(JapanDay(44), System.Globalization.CultureInfo.InvariantCulture), process.ReceivedBy);
        Assert.Equal("道路整備計画（修正案）", process.TitleJa);
        Assert.Equal(["ただ一つの項目"], await InMusashino(db => db.Set<DraftSection>().Where(s => s.ProcessId == process.Id).Select(s => s.HeadingJa).ToListAsync(Ct)));
        var audit = await InMusashino(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == "publiccomment.deadline_extended", Ct));
        Assert.Contains($"-> {JapanDay(44)}", audit.Details, StringComparison.Ordinal);
    }
}
