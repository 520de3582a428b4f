using System.Net;
using AngleSharp.Dom;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Submissions;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Forms.Journey;

/// <summary>The citizen journey over HTTP without JavaScript: start, one page per group, errors, check answers, submit, receipt.</summary>
public sealed class JourneyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Applicant = new()
    {
        ["applicantName.family"] = "武蔵野",
        ["applicantName.given"] = "太郎",
        ["applicantName.familyKana"] = "ムサシノ",
        ["applicantName.givenKana"] = "タロウ",
        ["dateOfBirth.era"] = "西暦",
        ["dateOfBirth.year"] = "1990",
        ["dateOfBirth.month"] = "4",
        ["dateOfBirth.day"] = "1",
        ["email"] = "taro@example.jp",
    };

    internal static async Task<(HttpResponseMessage Response, IDocument Page)> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            response = await client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, Ct);
        }

        return (response, await Html.ParseAsync(response));
    }

    internal static async Task<IDocument> StartAsync(HttpClient client)
    {
        var start = await Html.ParseAsync(await client.GetAsync($"/apply/{TestForms.Slug}", Ct));
        var (_, page) = await FollowAsync(client, await Html.SubmitAsync(client, start, "main form", new Dictionary<string, string>()));
        return page;
    }

    internal static Task<(HttpResponseMessage Response, IDocument Page)> PostStepAsync(HttpClient client, IDocument page, IDictionary<string, string> values) =>
        Html.SubmitAsync(client, page, "main form[method=post]", values).ContinueWith(t => FollowAsync(client, t.Result)).Unwrap();

    [Fact]
    public async Task Citizen_FillsEveryStep_FixesErrors_ChecksAnswers_AndGetsAReceipt()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();

        var page = await StartAsync(client);
        AssertHeading("申請者", page);

        // Errors: a hiragana reading and a date in the future. The summary links to the fields; the typed values stay.
        var wrong = new Dictionary<string, string>(Applicant) { ["applicantName.familyKana"] = "Musashino", ["dateOfBirth.year"] = "2999" };
        (_, page) = await PostStepAsync(client, page, wrong);
        var summary = page.QuerySelector(".error-summary");
        Assert.NotNull(summary);
        Assert.StartsWith("エラー", page.Title, StringComparison.Ordinal);
        var links = summary!.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
        Assert.Equal(2, links.Count);
        Assert.All(links, id => Assert.NotNull(page.GetElementById(id)));
        Assert.Equal("Musashino", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='applicantName.familyKana']")!.Value);
        Assert.Equal("2999", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='dateOfBirth.year']")!.Value);

        (_, page) = await PostStepAsync(client, page, Applicant);
        AssertHeading("請求の内容", page);

        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["copies"] = "2", ["purpose"] = "work" });
        AssertHeading("記載する世帯員", page);

        // Repeating group: add two members, remove the first, keep the second.
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["action"] = "add:members" });
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["members[0].memberName"] = "武蔵野 一郎", ["members[0].relation"] = "child", ["action"] = "add:members" });
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string>
        {
            ["members[0].memberName"] = "武蔵野 一郎",
            ["members[0].relation"] = "child",
            ["members[1].memberName"] = "武蔵野 花子",
            ["members[1].relation"] = "spouse",
            ["action"] = "remove:members:0",
        });
        Assert.Equal("武蔵野 花子", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='members[0].memberName']")!.Value);
        Assert.Null(page.QuerySelector("input[name='members[1].memberName']"));
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["members[0].memberName"] = "武蔵野 花子", ["members[0].relation"] = "spouse" });

        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["consent"] = "true" });
        AssertHeading("入力内容の確認", page);
        var text = page.QuerySelector("main")!.TextContent;
        Assert.Contains("ムサシノ", text, StringComparison.Ordinal);
        Assert.Contains("平成2年4月1日", text, StringComparison.Ordinal); // 和暦
        Assert.Contains("武蔵野 花子", text, StringComparison.Ordinal);
        Assert.DoesNotContain("武蔵野 一郎", text, StringComparison.Ordinal);
        Assert.DoesNotContain("その他の使いみち", text, StringComparison.Ordinal); // hidden field: not in the summary
        Assert.Contains("600", text, StringComparison.Ordinal); // fee 2 × 300

        var (receiptResponse, receipt) = await FollowAsync(client, await Html.SubmitAsync(client, page, "main form[method=post]", new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.OK, receiptResponse.StatusCode);
        AssertHeading("申請を受け付けました", receipt);
        var number = receipt.QuerySelector(".receipt-number")!.TextContent.Trim();
        Assert.Matches(@"^MSN-20\d\d-\d{6}$", number);

        // The back button and a second click on "send" land on the same receipt; nothing is submitted twice.
        var (_, again) = await FollowAsync(client, await Html.SubmitAsync(client, page, "main form[method=post]", new Dictionary<string, string>()));
        Assert.Equal(1, await app.InOrganizationAsync("MSN", (db, _) => db.Set<Submission>().CountAsync(Ct)));

        var mail = await app.WaitForMailAsync(number, Ct);
        Assert.Contains("taro@example.jp", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveForLater_EmailsALink_ThatResumesOnAnotherDevice()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var phone = app.CreateBrowserLikeClient();
        var page = await StartAsync(phone);
        (_, page) = await PostStepAsync(phone, page, Applicant);

        (_, page) = await PostStepAsync(phone, page, new Dictionary<string, string> { ["copies"] = "3", ["purpose"] = "work", ["action"] = "save-later" });
        Assert.Equal("taro@example.jp", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=email]")!.Value);
        (_, page) = await FollowAsync(phone, await Html.SubmitAsync(phone, page, "main form[method=post]", new Dictionary<string, string>()));
        Assert.NotNull(page.QuerySelector(".notice--success"));

        var mail = await app.WaitForMailAsync("/apply/resume/", Ct);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Replace("=\r\n", "", StringComparison.Ordinal), @"/apply/resume/[A-Za-z0-9_\-]+").Value;
        using var laptop = app.CreateBrowserLikeClient();
        var (_, resumed) = await FollowAsync(laptop, await laptop.GetAsync(link, Ct));
        AssertHeading("入力内容の確認", resumed);
        Assert.Contains("ムサシノ", resumed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheIdleTimeout_AnswersAreHidden_ButNothingIsLost()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();
        var page = await StartAsync(client);
        (_, page) = await PostStepAsync(client, page, Applicant);

        // The citizen types the next page, then walks away past the timeout before pressing "continue".
        await app.InOrganizationAsync("MSN", (db, _) => db.Set<Draft>().ExecuteUpdateAsync(s => s.SetProperty(d => d.LastActivityAt, DateTime.UtcNow.AddHours(-2)), Ct));
        var (_, timedOut) = await PostStepAsync(client, page, new Dictionary<string, string> { ["copies"] = "4", ["purpose"] = "work" });

        AssertHeading("画面の表示を終了しました", timedOut);
        Assert.DoesNotContain("ムサシノ", timedOut.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var step = await client.GetAsync($"/apply/{TestForms.Slug}/applicant", Ct);
        Assert.EndsWith("/timed-out", step.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var (_, check) = await FollowAsync(client, await Html.SubmitAsync(client, timedOut, "main form[action$='handler=Continue']", new Dictionary<string, string>()));
        AssertHeading("入力内容の確認", check);
        var text = check.QuerySelector("main")!.TextContent;
        Assert.Contains("ムサシノ", text, StringComparison.Ordinal);
        Assert.Contains("1,200", text, StringComparison.Ordinal); // the 4 copies typed just before the timeout were kept
    }

    [Fact]
    public async Task APageView_KeepsTheSessionForTheWholeAnnouncedTime_ThoughViewsCloseTogetherWriteNothing()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();
        var page = await StartAsync(client);
        AssertHeading("申請者", page);
        var stepUrl = $"/apply/{TestForms.Slug}/applicant";
        Task SetLastActivityAsync(TimeSpan ago) =>
            app.InOrganizationAsync("MSN", (db, _) => db.Set<Draft>().ExecuteUpdateAsync(s => s.SetProperty(d => d.LastActivityAt, DateTime.UtcNow - ago), Ct));
        Task<Guid> VersionAsync() => app.InOrganizationAsync("MSN", (db, _) => db.Set<Draft>().Select(d => d.Version).SingleAsync(Ct));

        // The citizen reloads the page 10 seconds after their last activity: the page shows, and nothing is written.
        await SetLastActivityAsync(TimeSpan.FromSeconds(10));
        var before = await VersionAsync();
        var (_, reloaded) = await FollowAsync(client, await client.GetAsync(stepUrl, Ct));
        AssertHeading("申請者", reloaded);
        Assert.Equal(before, await VersionAsync());

        // 29 min 55 s after that reload (30 min 5 s after the last write) the announced 30 minutes have not passed.
        await SetLastActivityAsync(TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(5));
        var (_, stillOpen) = await FollowAsync(client, await client.GetAsync(stepUrl, Ct));
        AssertHeading("申請者", stillOpen);
        Assert.NotEqual(before, await VersionAsync()); // that view was long after the last write: it refreshed the clock

        // Past the timeout (and its resolution), the answers are hidden as before.
        await SetLastActivityAsync(TimeSpan.FromMinutes(31));
        var step = await client.GetAsync(stepUrl, Ct);
        Assert.EndsWith("/timed-out", step.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraft_StaysOnItsVersion_WhenANewVersionIsPublishedHalfWay()
    {
        await using var app = await MadoguchiApp.StartAsync();
        var v1 = await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();
        var page = await StartAsync(client);
        (_, page) = await PostStepAsync(client, page, Applicant);

        // Staff publish a new version whose request page asks something else.
        var v2 = await TestForms.PublishAsync(app, TestForms.Definition.Replace("\"title\": { \"ja\": \"請求の内容\"", "\"title\": { \"ja\": \"新しい請求の内容\"", StringComparison.Ordinal));
        Assert.Equal(v1 + 1, v2);

        AssertHeading("請求の内容", page);
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["copies"] = "1", ["purpose"] = "work" });
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string>());
        (_, page) = await PostStepAsync(client, page, new Dictionary<string, string> { ["consent"] = "true" });
        var (_, receipt) = await FollowAsync(client, await Html.SubmitAsync(client, page, "main form[method=post]", new Dictionary<string, string>()));

        Assert.Contains($"第{v1}版", receipt.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("請求の内容", receipt.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("新しい請求の内容", receipt.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A new applicant gets the new version.
        using var other = app.CreateBrowserLikeClient();
        var fresh = await StartAsync(other);
        (_, fresh) = await PostStepAsync(other, fresh, Applicant);
        AssertHeading("新しい請求の内容", fresh);
    }

    /// <summary>The page's heading, with the error summary in the failure message when it is not the expected page.</summary>
    internal static void AssertHeading(string expected, IDocument page)
    {
        var actual = page.QuerySelector("h1")?.TextContent.Trim();
        Assert.True(expected == actual, $"Expected the page '{expected}', got '{actual}'. {page.QuerySelector(".error-summary")?.InnerHtml}");
    }
}
