using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Cases;

/// <summary>
/// The staff pages over the cases service (/staff/cases, /staff/cases/{id}, the CSV) as a browser without
/// JavaScript uses them: department isolation, only the allowed actions, 差戻し and 代決 with the seal,
/// a stale form's conflict, the audit of every opening and export.
/// </summary>
public sealed class CaseStaffPagesTests : IAsyncLifetime
{
    private const string Kakaricho = "shimin-kakaricho@musashino.example";
    private const string Hosa = "shimin-hosa@musashino.example";
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(_app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Receipt, string Id)> NewCaseAsync(HttpClient staff)
    {
        var receipt = await SubmitAsync(_app);
        var summary = await WaitForCaseAsync(staff, receipt);
        return (receipt, summary["id"]!.GetValue<string>());
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    /// <summary>Presses an action button of the case page's one action form.</summary>
    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, IDocument page, string act, string? comment = null, Dictionary<string, string>? more = null)
    {
        var values = new Dictionary<string, string>(more ?? []) { ["act"] = act };
        if (comment is not null)
        {
            values["comment"] = comment;
        }

        return await Html.SubmitAsync(client, page, "#action-form", values);
    }

    private static async Task<IDocument> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await StaffSession.GetPageAsync(client, response.Headers.Location!.OriginalString);
    }

    private static string[] Buttons(IDocument page) => [.. page.QuerySelectorAll("#action-form button[name=act]").Select(b => b.GetAttribute("value")!)];

    [Fact]
    public async Task Inbox_ShowsOnlyTheDepartmentsCases_OtherDepartmentsGet404_AndItPolicySeesCountsOnly()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var (receipt, id) = await NewCaseAsync(shimin);

        var home = await StaffSession.GetPageAsync(shimin, "/staff");
        Assert.NotNull(home.QuerySelector("#staff-menu a[href='/staff/cases']"));
        var inbox = await StaffSession.GetPageAsync(shimin, "/staff/cases");
        var row = inbox.QuerySelector($"#cases tr[data-receipt='{receipt}']");
        Assert.NotNull(row);
        Assert.NotNull(row.QuerySelector($"a[href='/staff/cases/{id}']"));
        Assert.Contains("受付", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("未割当", row.TextContent, StringComparison.Ordinal);

        using var kodomo = await StaffSignIn.SignedInClientAsync(_app, Kodomo);
        var theirs = await StaffSession.GetPageAsync(kodomo, "/staff/cases");
        Assert.DoesNotContain(receipt, theirs.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(theirs.QuerySelector("#no-cases"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(kodomo, $"/staff/cases/{id}")).StatusCode);
        var kodomoCsv = await (await GetAsync(kodomo, "/staff/cases/export.csv")).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(receipt, kodomoCsv, StringComparison.Ordinal);

        using var itPolicy = await StaffSignIn.SignedInClientAsync(_app, ItPolicy);
        var statistics = await StaffSession.GetPageAsync(itPolicy, "/staff/cases");
        Assert.NotNull(statistics.QuerySelector("#statistics-only"));
        Assert.Null(statistics.QuerySelector("#cases"));
        Assert.Contains("市民課", statistics.QuerySelector("#statistics")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, statistics.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(itPolicy, $"/staff/cases/{id}")).StatusCode);
        var export = await GetAsync(itPolicy, "/staff/cases/export.csv");
        Assert.Equal(HttpStatusCode.Redirect, export.StatusCode);
        Assert.StartsWith("/staff/access-denied", export.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        Assert.Equal("received", (await DetailAsync(shimin, id))["case"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Inbox_FiltersByStatusAssigneeAndReceipt_WithAGetForm()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var (first, firstId) = await NewCaseAsync(shimin);
        var (second, _) = await NewCaseAsync(shimin);
        var page = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{firstId}");
        await FollowAsync(shimin, await ActAsync(shimin, page, "accept"));

        static string[] Receipts(IDocument d) => [.. d.QuerySelectorAll("#cases tbody tr").Select(r => r.GetAttribute("data-receipt")!)];
        var underReview = await StaffSession.GetPageAsync(shimin, "/staff/cases?status=under-review");
        Assert.Equal([first], Receipts(underReview));
        Assert.NotNull(underReview.QuerySelector("#status option[value=under-review][selected]"));
        Assert.Equal([first], Receipts(await StaffSession.GetPageAsync(shimin, "/staff/cases?assignee=me")));
        Assert.Equal([second], Receipts(await StaffSession.GetPageAsync(shimin, "/staff/cases?assignee=unassigned")));
        var search = await StaffSession.GetPageAsync(shimin, "/staff/cases?q=" + Uri.EscapeDataString(second[^6..].ToLowerInvariant()));
        Assert.Equal([second], Receipts(search));
        Assert.Equal(second[^6..].ToLowerInvariant(), ((IHtmlInputElement)search.QuerySelector("#q")!).Value);
        Assert.Equal($"/staff/cases/export.csv?q={second[^6..].ToLowerInvariant()}", search.QuerySelector("#export-csv")!.GetAttribute("href"));
    }

    [Fact]
    public async Task CasePage_ShowsAnswersChecksAndOnlyTheAllowedActions_AndEveryOpeningIsAudited()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var (_, id) = await NewCaseAsync(shimin);

        var page = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
        Assert.Contains("武蔵野", page.QuerySelector("#answers")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("第2版", page.QuerySelector("#form-version")!.TextContent, StringComparison.Ordinal); // the test form is published over the demo's version 1
        Assert.Equal(["age", "duplicate", "amount"], page.QuerySelectorAll("#checks li").Select(li => li.GetAttribute("data-kind")));
        Assert.All(page.QuerySelectorAll("#checks li"), li => Assert.Contains("問題なし", li.TextContent, StringComparison.Ordinal));
        Assert.Equal(["accept", "withdraw-application"], Buttons(page));
        Assert.Null(page.QuerySelector("#correction-request")); // 補正依頼 only while 審査中

        await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}?culture=en&ui-culture=en");
        var reads = await _app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.CountAsync(e => e.EntityId == id && e.Action == "case.personal_data_read" && e.Details == "page", Ct));
        Assert.Equal(2, reads);

        var accepted = await FollowAsync(shimin, await ActAsync(shimin, page, "accept"));
        Assert.Equal("審査中", accepted.QuerySelector("#case-status")!.TextContent.Trim());
        Assert.Equal("市民 太郎", accepted.QuerySelector("#case-assignee")!.TextContent.Trim());
        Assert.Equal(["submit-for-approval", "reject", "withdraw-application"], Buttons(accepted));
        Assert.NotNull(accepted.QuerySelector("#correction-request"));

        // A clerk sees no approval buttons on a case in approval; the approver does.
        var submitted = await FollowAsync(shimin, await ActAsync(shimin, accepted, "submit-for-approval", "交付して差し支えないと考えます"));
        Assert.Equal(["withdraw", "reject"], Buttons(submitted));
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var approverView = await StaffSession.GetPageAsync(kacho, $"/staff/cases/{id}");
        Assert.Equal(["approve", "send-back", "reject"], Buttons(approverView));

        // A note, with an empty one refused and the error shown at the field.
        var empty = await Html.SubmitAsync(kacho, approverView, "#note-form", new Dictionary<string, string> { ["text"] = "  " });
        Assert.Contains("メモを4000文字以内", await StaffSession.ErrorSummaryAsync(empty), StringComparison.Ordinal);
        var noted = await FollowAsync(kacho, await Html.SubmitAsync(kacho, approverView, "#note-form", new Dictionary<string, string> { ["text"] = "本人確認済み（窓口）" }));
        Assert.Contains("本人確認済み（窓口）", noted.QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendBackThenDeputyApproval_ShowsTheSealsAndCompletes()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        using var hosa = await StaffSignIn.SignedInClientAsync(_app, Hosa);
        var (_, id) = await NewCaseAsync(shimin);
        var page = await FollowAsync(shimin, await ActAsync(shimin, await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}"), "accept"));
        await FollowAsync(shimin, await ActAsync(shimin, page, "submit-for-approval"));

        // 差戻し needs a reason: the error is at the comment field, nothing changes.
        var approverView = await StaffSession.GetPageAsync(kacho, $"/staff/cases/{id}");
        var noReason = await ActAsync(kacho, approverView, "send-back", "", new() { ["sendBackTo"] = "drafter" });
        var error = await Html.ParseAsync(noReason);
        Assert.Contains("差戻しの理由", error.QuerySelector(".error-summary a[href='#comment']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(error.QuerySelector(".form-group--error #comment"));
        Assert.Equal("決裁中", error.QuerySelector("#case-status")!.TextContent.Trim());

        var sentBack = await FollowAsync(kacho, await ActAsync(kacho, error, "send-back", "交付理由を追記してください", new() { ["sendBackTo"] = "drafter" }));
        Assert.Equal("審査中", sentBack.QuerySelector("#case-status")!.TextContent.Trim());
        Assert.Contains("交付理由を追記してください", sentBack.QuerySelector("#history-table tr[data-action=send-back]")!.TextContent, StringComparison.Ordinal);

        var again = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
        await FollowAsync(shimin, await ActAsync(shimin, again, "submit-for-approval", "追記しました"));

        // 代決: the 課長補佐 (所属管理者, no approver role) approves for the absent 課長 and the seal says so.
        var deputyView = await StaffSession.GetPageAsync(hosa, $"/staff/cases/{id}");
        Assert.DoesNotContain("approve", Buttons(deputyView));
        Assert.Contains("approve-as-deputy", Buttons(deputyView));
        var noChoice = await Html.ParseAsync(await ActAsync(hosa, deputyView, "approve-as-deputy", "課長不在のため代決", new() { ["deputyFor"] = "" }));
        Assert.NotNull(noChoice.QuerySelector(".error-summary a[href='#deputyFor']"));
        Assert.Equal("課長不在のため代決", noChoice.QuerySelector("#comment")!.TextContent);
        var approved = await FollowAsync(hosa, await ActAsync(hosa, noChoice, "approve-as-deputy", "課長不在のため代決", new() { ["deputyFor"] = "Approver" }));
        var seal = approved.QuerySelector("#route .seal--deputy");
        Assert.NotNull(seal);
        Assert.Contains("代決", seal.TextContent, StringComparison.Ordinal);
        Assert.Contains("市民 補佐", seal.TextContent, StringComparison.Ordinal);
        Assert.Contains("課長補佐", seal.TextContent, StringComparison.Ordinal);
        Assert.Matches("令和[0-9元]+年[0-9]+月[0-9]+日", seal.QuerySelector(".seal__date")!.TextContent);
        Assert.NotNull(approved.QuerySelector("#route-state"));

        var done = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
        Assert.Equal(["withdraw", "reject", "complete"], Buttons(done)); // as the service allows: the drafter may still take it back
        var completed = await FollowAsync(shimin, await ActAsync(shimin, done, "complete"));
        Assert.Equal("完了", completed.QuerySelector("#case-status")!.TextContent.Trim());
        Assert.Null(completed.QuerySelector("#action-form"));
        Assert.Equal(["open", "accept", "submit-for-approval", "send-back", "submit-for-approval", "approve-as-deputy", "complete"],
            completed.QuerySelectorAll("#history-table tbody tr").Select(r => r.GetAttribute("data-action")));
    }

    [Fact]
    public async Task AStaleForm_ShowsTheConflict_TheCurrentState_AndKeepsTheComment()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        using var kakaricho = await StaffSignIn.SignedInClientAsync(_app, Kakaricho);
        var (_, id) = await NewCaseAsync(shimin);
        var mine = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
        await GetAsync(kakaricho, "/language/en"); // the 係長 reads the pages in English (a cookie)
        var theirs = await StaffSession.GetPageAsync(kakaricho, $"/staff/cases/{id}");

        await FollowAsync(shimin, await ActAsync(shimin, mine, "accept"));
        var stale = await ActAsync(kakaricho, theirs, "accept", "I will take this one");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(stale);
        Assert.Contains("Someone else changed this case first", page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Under review", page.QuerySelector("#case-status")!.TextContent.Trim());
        Assert.Equal("市民 太郎", page.QuerySelector("#case-assignee")!.TextContent.Trim());
        Assert.Equal("I will take this one", page.QuerySelector("#comment")!.TextContent);
        Assert.DoesNotContain("accept", Buttons(page));

        var ja = await Html.ParseAsync(await ActAsync(shimin, mine, "accept"));
        Assert.Contains("他の職員が先にこの案件を更新しました", ja.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        var history = await DetailAsync(shimin, id);
        Assert.Single(history["history"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "accept");
    }

    [Fact]
    public async Task CsvExport_HasABom_TheFilteredRows_AndIsAudited_OnThePageAndTheApi()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var (first, firstId) = await NewCaseAsync(shimin);
        var (second, _) = await NewCaseAsync(shimin);
        await FollowAsync(shimin, await ActAsync(shimin, await StaffSession.GetPageAsync(shimin, $"/staff/cases/{firstId}"), "accept"));

        var response = await GetAsync(shimin, "/staff/cases/export.csv?status=under-review");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("受付番号,手続ID,手続名,担当課,状態,担当者,受付日時,処理期限,期限超過", lines[0]);
        var only = Assert.Single(lines[1..]);
        Assert.StartsWith($"{first},juminhyo-copy,", only, StringComparison.Ordinal);
        Assert.Contains(",市民課,審査中,市民 太郎,", only, StringComparison.Ordinal);

        using var api = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var all = await GetAsync(api, "/api/v1/cases/export.csv");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var text = Encoding.UTF8.GetString((await all.Content.ReadAsByteArrayAsync(Ct))[3..]);
        Assert.Contains(first, text, StringComparison.Ordinal);
        Assert.Contains(second, text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(api, "/api/v1/cases/export.csv?status=lost")).StatusCode);

        var audit = await _app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.Where(e => e.Action == "case.personal_data_export").Select(e => e.Details).ToListAsync(Ct));
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, d => d.StartsWith("page: 1 cases; status=under-review", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.StartsWith("api: 2 cases", StringComparison.Ordinal));
    }
}
