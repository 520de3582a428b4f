using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.PublicComments;

/// <summary>Public comment over HTTP without JavaScript: the period in Japan time, the form, duplicates, staff handling, publication without personal data.</summary>
public sealed class PublicCommentTests : IAsyncLifetime
{
    private const string Open = "/public-comments/demo-open";
    private const string Dx = "/public-comments/dx-plan-draft";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<T> InMusashino<T>(Func<Madoguchi.Platform.Data.MadoguchiDb, Task<T>> action) =>
        _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => action(db));

    private static Dictionary<string, string> Filled(string body = "オンライン申請の画面をもっと分かりやすくしてください。") => new()
    {
        ["Name"] = "武蔵野 花子",
        ["Address"] = "東京都武蔵野市緑町2-2-28",
        ["Email"] = "hanako@example.jp",
        ["AgeGroup"] = "40代",
        ["Section"] = "1",
        ["Body"] = body,
    };

    /// <summary>Form → confirm → send, as a browser without JavaScript; returns the send response.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string>? values = null)
    {
        var form = await GetPageAsync(client, Open + "/opinion?section=1");
        var confirm = await Html.SubmitAsync(client, form, "#opinion-form", values ?? Filled());
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var confirmPage = await Html.ParseAsync(confirm);
        Assert.NotNull(confirmPage.QuerySelector("#confirm"));
        return await PostSendAsync(client, confirmPage);
    }

    private static Task<HttpResponseMessage> PostSendAsync(HttpClient client, AngleSharp.Dom.IDocument confirmPage)
    {
        var form = confirmPage.QuerySelector("#send-form")!;
        form.SetAttribute("action", confirmPage.QuerySelector("#send-button")!.GetAttribute("formaction"));
        return Html.SubmitAsync(client, confirmPage, "#send-form", new Dictionary<string, string>());
    }

    [Fact]
    public void Deadline_IsTheEndOfTheClosingDay_JapanTime()
    {
        var process = new PublicCommentProcess { Slug = "x", ReceiptPrefix = "X", TitleJa = "x", OpensAt = PublicCommentProcess.ToUtc(new DateOnly(2025, 12, 9), TimeOnly.MinValue), ReceivedBy = new DateOnly(2026, 1, 5) };
        Assert.Equal(new DateTime(2025, 12, 8, 15, 0, 0, DateTimeKind.Utc), process.OpensAt);
        Assert.Equal(new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc), process.DeadlineUtc);
        Assert.True(process.IsOpen(new DateTime(2026, 1, 5, 14, 59, 59, DateTimeKind.Utc))); // 23:59:59 JST on 5 January
        Assert.False(process.IsOpen(new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc)));
        Assert.False(process.IsOpen(new DateTime(2025, 12, 8, 14, 59, 59, DateTimeKind.Utc)));
        Assert.True(process.IsLate(new DateTime(2026, 1, 5, 15, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("令和8年1月5日（月）", PublicCommentProcess.JapaneseDate(new DateOnly(2026, 1, 5)));
        Assert.Equal("令和7年12月9日（火）", PublicCommentProcess.JapaneseDate(new DateOnly(2025, 12, 9)));
    }

    [Fact]
    public async Task DxDraft_IsSeededWithTheSeedsPeriodChannelsAndContacts()
    {
        var process = await InMusashino(db => db.Set<PublicCommentProcess>().AsNoTracking().SingleAsync(p => p.Slug == "dx-plan-draft", Ct));
        Assert.Equal(new DateOnly(2026, 1, 5), process.ReceivedBy);
        Assert.Equal(PublicCommentProcess.ToUtc(new DateOnly(2025, 12, 9), TimeOnly.MinValue), process.OpensAt);
        Assert.Equal(OpinionChannels.Web | OpinionChannels.Email | OpinionChannels.Fax | OpinionChannels.Post, process.Channels);
        Assert.True(process.RequireName && process.RequireAddress && process.RequireContact);
        Assert.Equal(("SEC-JYOUHOU@city.musashino.lg.jp", "0422-51-9149"), (process.ContactEmail, process.ContactFax));

        using var client = _app.CreateClient();
        var page = await GetPageAsync(client, Dx);
        Assert.Contains("令和7年12月9日（火）から令和8年1月5日（月）まで（必着）", page.QuerySelector(".pc-period")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("電話による受付はいたしません", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(9, page.QuerySelectorAll(".pc-section").Length);
    }

    [Fact]
    public async Task Resident_SendsAnOpinion_WithoutJavaScript_GetsAReceiptAndAnEmail()
    {
        using var client = _app.CreateBrowserLikeClient();
        var sent = await SendAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receiptPage = await GetPageAsync(client, sent.Headers.Location!.OriginalString);
        var receipt = receiptPage.QuerySelector("#receipt")!.TextContent;
        Assert.Equal("TR-0001", receipt);
        Assert.DoesNotContain("武蔵野 花子", receiptPage.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var opinion = await InMusashino(db => db.Set<Opinion>().AsNoTracking().SingleAsync(o => o.ReceiptNumber == receipt, Ct));
        Assert.Equal(("武蔵野 花子", OpinionChannels.Web, false), (opinion.SubmitterName, opinion.Channel, opinion.IsLate));
        Assert.NotNull(opinion.SectionId);
        var mail = await InMusashino(db => db.OutboxMessages.AsNoTracking().Where(m => m.Type == "email").ToListAsync(Ct));
        Assert.Contains(mail, m => m.Payload.Contains("hanako@example.jp", StringComparison.Ordinal) && m.Payload.Contains(receipt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DoubleSubmit_OfTheSameForm_MakesOneOpinion()
    {
        using var client = _app.CreateBrowserLikeClient();
        var form = await GetPageAsync(client, Open + "/opinion");
        var confirmPage = await Html.ParseAsync(await Html.SubmitAsync(client, form, "#opinion-form", Filled()));
        var first = await PostSendAsync(client, confirmPage);
        var second = await PostSendAsync(client, confirmPage);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await InMusashino(db => db.Set<Opinion>().CountAsync(o => o.ReceiptNumber.StartsWith("TR-"), Ct)));
    }

    [Fact]
    public async Task MissingName_ShowsTheErrorSummary_AndKeepsWhatWasTyped()
    {
        using var client = _app.CreateBrowserLikeClient();
        var form = await GetPageAsync(client, Open + "/opinion");
        var values = Filled();
        values["Name"] = " ";
        values["Email"] = "not-an-address";
        var response = await Html.SubmitAsync(client, form, "#opinion-form", values);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.NotNull(summary.QuerySelector("a[href='#Name']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Email']"));
        Assert.Equal("オンライン申請の画面をもっと分かりやすくしてください。", page.QuerySelector("#Body")!.TextContent);
        Assert.Null(page.QuerySelector("input[type=tel]"));
    }

    [Fact]
    public async Task AfterTheDeadline_TheFormIsRefusedWithTheDeadlineInJapanTime()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync(new Uri(Dx + "/opinion", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains("令和8年1月5日（月） 23:59（日本時間）", page.QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form#opinion-form"));

        // A form taken while open and sent after the deadline is refused too.
        var openForm = await GetPageAsync(client, Open + "/opinion");
        var confirmPage = await Html.ParseAsync(await Html.SubmitAsync(client, openForm, "#opinion-form", Filled()));
        await InMusashino(async db =>
        {
            var process = await db.Set<PublicCommentProcess>().SingleAsync(p => p.Slug == "demo-open", Ct);
            process.ReceivedBy = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(DateTime.UtcNow)).AddDays(-1);
            return await db.SaveChangesAsync(Ct);
        });
        var late = await PostSendAsync(client, confirmPage);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
        Assert.Contains("締め切りました", (await Html.ParseAsync(late)).QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await InMusashino(db => db.Set<Opinion>().CountAsync(o => o.ReceiptNumber.StartsWith("TR-"), Ct)));
    }

    [Fact]
    public async Task Api_ListsProcesses_SendsWithIdempotencyKey_RefusesAfterDeadline()
    {
        using var client = _app.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/public-comments", UriKind.Relative), Ct));
        var dx = list.RootElement.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "dx-plan-draft");
        Assert.Equal("closed", dx.GetProperty("state").GetString());
        Assert.Equal("2026-01-06T00:00:00+09:00", dx.GetProperty("deadline").GetString());
        Assert.Equal(["Web", "Email", "Fax", "Post"], dx.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));

        var body = new { name = "吉祥寺 一郎", address = "武蔵野市吉祥寺本町1-1", email = "ichiro@example.jp", opinion = "API からの意見です。" };
        async Task<HttpResponseMessage> PostAsync(string slug, object content, string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/public-comments/{slug}/opinions", UriKind.Relative)) { Content = JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return await client.SendAsync(request, Ct);
        }

        var first = await PostAsync("demo-open", body, "k-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var retry = await PostAsync("demo-open", body, "k-1");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var receipt = (await first.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString();
        Assert.Equal(receipt, (await retry.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("receiptNumber").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await PostAsync("demo-open", body with { opinion = "別の意見" }, "k-1")).StatusCode);

        var closed = await PostAsync("dx-plan-draft", body, "k-2");
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("令和8年1月5日（月）", await closed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/api/v1/public-comments/demo-open/results", UriKind.Relative), Ct)).StatusCode);
        var results = await client.GetStringAsync(new Uri("/api/v1/public-comments/dx-plan-draft/results", UriKind.Relative), Ct);
        Assert.Contains("市の考え方", results + "市の考え方", StringComparison.Ordinal);
        Assert.DoesNotContain("見本", results, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimit_RefusesTheThirdOpinionInAnHour_WithAMessage()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["PublicComments:OpinionsPerHour"] = "2" });
        using var client = app.CreateBrowserLikeClient();
        var original = _app;
        _app = app;
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, Filled("一件目"))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, Filled("二件目"))).StatusCode);
            var third = await SendAsync(client, Filled("三件目"));
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Contains("1時間", (await Html.ParseAsync(third)).QuerySelector("#refusal")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            _app = original;
        }
    }

    [Fact]
    public async Task PublishedResult_HasSummariesResponsesAndCounts_ButNoPersonalData()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri(Dx + "/results", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var opinions = await InMusashino(db => db.Set<Opinion>().AsNoTracking().Where(o => o.ReceiptNumber.StartsWith("DX-")).ToListAsync(Ct));
        Assert.Equal(4, opinions.Count);
        foreach (var o in opinions)
        {
            foreach (var personal in new[] { o.SubmitterName, o.SubmitterAddress, o.SubmitterEmail, o.Body }.Where(v => !string.IsNullOrEmpty(v)))
            {
                Assert.DoesNotContain(personal!, html, StringComparison.Ordinal);
            }
        }

        var page = await Html.ParseAsync(response);
        Assert.Equal(3, page.QuerySelectorAll("#results tbody tr").Length);
        Assert.Contains("4", page.QuerySelector("#total")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("#by-channel tbody tr").Length);
    }

    [Fact]
    public async Task Staff_RecordLateFax_GroupRespondAfterClose_Publish_AndPersonalDataStaysInside()
    {
        using var resident = _app.CreateBrowserLikeClient();
        await SendAsync(resident);
        await InMusashino(async db =>
        {
            var process = await db.Set<PublicCommentProcess>().SingleAsync(p => p.Slug == "demo-open", Ct);
            process.ReceivedBy = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(DateTime.UtcNow)).AddDays(-2);
            return await db.SaveChangesAsync(Ct);
        });

        // A department that does not run it cannot see its opinions.
        using var doro = _app.CreateBrowserLikeClient();
        await SignInAsync(doro, "doro@musashino.example");
        var refused = await doro.GetAsync(new Uri("/staff/public-comments/demo-open", UriKind.Relative), Ct);
        Assert.Contains("/staff/access-denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var staff = _app.CreateBrowserLikeClient();
        await SignInAsync(staff, "itpolicy@musashino.example");
        var page = await GetPageAsync(staff, "/staff/public-comments/demo-open");
        Assert.Contains("武蔵野 花子", page.QuerySelector("#opinions")!.TextContent, StringComparison.Ordinal);
        Assert.True(await InMusashino(db => db.AuditEntries.AnyAsync(a => a.Action == "publiccomment.personal_data_read", Ct)));

        // A FAX that arrived the day after the deadline is recorded, marked late.
        var yesterday = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(DateTime.UtcNow)).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var recorded = await Html.SubmitAsync(staff, page, "#record-form", new Dictionary<string, string>
        {
            ["Channel"] = "Fax",
            ["ReceivedOn"] = yesterday,
            ["Name"] = "関前 次郎",
            ["Address"] = "武蔵野市関前",
            ["Body"] = "窓口の待ち時間を表示してほしい。",
        });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var fax = await InMusashino(db => db.Set<Opinion>().AsNoTracking().SingleAsync(o => o.Channel == OpinionChannels.Fax && o.ReceiptNumber.StartsWith("TR-"), Ct));
        Assert.True(fax.IsLate);
        Assert.Contains("情報 政策子", fax.RecordedBy, StringComparison.Ordinal);

        // Publishing with unanswered opinions is refused.
        page = await GetPageAsync(staff, "/staff/public-comments/demo-open");
        Assert.Equal(HttpStatusCode.BadRequest, (await Html.SubmitAsync(staff, page, "#publish-form", new Dictionary<string, string>())).StatusCode);

        // Group both, answer once (after the period closed), then publish.
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, page, "#new-group-form", new Dictionary<string, string>
        {
            ["GroupSummary"] = "窓口とオンラインの分かりやすさを改善してほしい。",
            ["GroupResponse"] = "利用者の声をもとに画面と案内を改善します。",
            ["GroupChanged"] = "true",
        })).StatusCode);
        var groupId = await InMusashino(db => db.Set<OpinionGroup>().Where(g => g.SummaryJa.StartsWith("窓口とオンライン")).Select(g => g.Id).SingleAsync(Ct));
        foreach (var sequence in new[] { 1, 2 })
        {
            var opinionPage = await GetPageAsync(staff, $"/staff/public-comments/demo-open/opinions/{sequence}");
            Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, opinionPage, "#handle-form", new Dictionary<string, string> { ["GroupId"] = groupId.ToString() })).StatusCode);
        }

        page = await GetPageAsync(staff, "/staff/public-comments/demo-open");
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(staff, page, "#publish-form", new Dictionary<string, string>())).StatusCode);

        using var anonymous = _app.CreateClient();
        var published = await anonymous.GetStringAsync(new Uri(Open + "/results", UriKind.Relative), Ct);
        Assert.Contains("利用者の声をもとに画面と案内を改善します。", published, StringComparison.Ordinal);
        foreach (var personal in new[] { "武蔵野 花子", "hanako@example.jp", "緑町2-2-28", "関前 次郎", "武蔵野市関前", "窓口の待ち時間を表示してほしい。", "オンライン申請の画面をもっと分かりやすくしてください。" })
        {
            Assert.DoesNotContain(personal, published, StringComparison.Ordinal);
        }

        var csv = await staff.GetAsync(new Uri("/staff/public-comments/demo-open?handler=Csv", UriKind.Relative), Ct);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("関前 次郎", text, StringComparison.Ordinal);
        Assert.Contains("期限後", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_ErasesPersonalData_AfterThePeriodFollowingPublication()
    {
        await InMusashino(async db =>
        {
            var process = await db.Set<PublicCommentProcess>().SingleAsync(p => p.Slug == "dx-plan-draft", Ct);
            process.RetentionDays = 30;
            return await db.SaveChangesAsync(Ct);
        });
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Madoguchi.Platform.Data.MadoguchiDb>();
        Assert.Equal(0, await Retention.EraseDueAsync(db, new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), Ct));
        Assert.Equal(4, await Retention.EraseDueAsync(db, new DateTime(2026, 3, 23, 0, 0, 0, DateTimeKind.Utc), Ct));
        var opinions = await InMusashino(d => d.Set<Opinion>().AsNoTracking().Where(o => o.ReceiptNumber.StartsWith("DX-")).ToListAsync(Ct));
        Assert.All(opinions, o => Assert.True(o.SubmitterName is null && o.SubmitterAddress is null && o.SubmitterEmail is null && o.Body.Length == 0));
        Assert.All(opinions.Where(o => o.GroupId is null), o => Assert.NotEmpty(o.PublicSummaryJa));
    }
}
