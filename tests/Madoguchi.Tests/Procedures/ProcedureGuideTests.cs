using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Procedures;

/// <summary>The procedure guide and life-event navigator over HTTP, on the demo city's content.</summary>
public sealed class ProcedureGuideTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApiList_HasAtLeastFifteenProceduresWithTheContractFields()
    {
        using var client = _app.CreateClient();
        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct));
        var items = list.RootElement.EnumerateArray().ToList();
        Assert.True(items.Count >= 15, $"only {items.Count} procedures");
        var juminhyo = items.Single(i => i.GetProperty("slug").GetString() == "juminhyo-copy");
        Assert.Equal("住民票の写しの交付請求", juminhyo.GetProperty("title").GetString());
        Assert.Equal("市民課", juminhyo.GetProperty("department").GetString());
        Assert.True(juminhyo.GetProperty("online").GetBoolean());
        Assert.Equal(300, juminhyo.GetProperty("fee").GetInt32());
        Assert.False(juminhyo.GetProperty("summary").GetString()!.Length == 0);
    }

    [Fact]
    public async Task ApiDetail_InEnglish_WhenAskedWithAcceptLanguage()
    {
        using var client = _app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/procedures/child-allowance");
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var detail = JsonDocument.Parse(await (await client.SendAsync(request, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal("Apply for the child allowance", detail.RootElement.GetProperty("title").GetString());
        Assert.Equal("child-support", detail.RootElement.GetProperty("department").GetProperty("code").GetString());
        Assert.Contains("moving-in", detail.RootElement.GetProperty("lifeEvents").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ApiDetail_UnknownSlug_Is404ProblemThatSaysWhatToDo()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/procedures/no-such-thing", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/v1/procedures", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_FindsMovingInByHiragana_WithoutJavaScript()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/procedures?q=" + Uri.EscapeDataString("てんにゅう"), UriKind.Relative), Ct));
        var titles = page.QuerySelectorAll(".result__title a").Select(a => a.TextContent).ToList();
        Assert.Contains("転入届の事前申請（引っ越しワンストップ）", titles);
        Assert.Equal("てんにゅう", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#q")!).Value);
    }

    [Fact]
    public async Task LifeEventChecklist_ListsOnlyWhatTheAnswersNeed()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/life-events/moving-in?checklist=1&children=yes&nursery=no&nhi=no&dog=yes&care=no", UriKind.Relative), Ct));
        var items = page.QuerySelectorAll("#checklist li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/procedures/moving-in-advance", items);
        Assert.Contains("/procedures/child-allowance", items);
        Assert.Contains("/procedures/dog-registration", items);
        Assert.DoesNotContain("/procedures/nursery-application", items);
        Assert.DoesNotContain("/procedures/national-health-insurance-join", items);
        Assert.NotNull(page.QuerySelector("#children-yes[checked]"));
        Assert.Null(page.QuerySelector(".notice--warning"));
    }

    [Fact]
    public async Task LifeEventChecklist_SaysWhenQuestionsWereLeftUnanswered()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/life-events/birth?checklist=1", UriKind.Relative), Ct));
        Assert.Contains("2", page.QuerySelector(".notice--warning")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/procedures/birth-notice", page.QuerySelectorAll("#checklist li a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ProcedurePage_ShowsFeeProcessingTimeAndWhatToBring()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/procedures/dog-registration", UriKind.Relative), Ct));
        Assert.Equal("犬の登録", page.QuerySelector("h1")!.TextContent);
        var text = page.QuerySelector(".summary-list")!.TextContent;
        Assert.Contains("手数料 3,000円", text, StringComparison.Ordinal);
        Assert.Contains("7日", text, StringComparison.Ordinal);
        Assert.Contains("環境政策課", text, StringComparison.Ordinal);
        Assert.Contains("狂犬病予防注射済証", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcedurePage_UnknownSlug_Is404Page()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/procedures/no-such-thing", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ページが見つかりません", (await Html.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }
}
