using System.Net;
using System.Text.Json;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Platform;

/// <summary>The host's public surface on SQLite: health, home, OpenAPI, metrics, errors.</summary>
public sealed class HostTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthz_WhenDatabaseAnswers_Returns200()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_ShowsTheDemoCityInJapanese()
    {
        using var client = _app.CreateClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative), Ct));
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("武蔵野市", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/accessibility']"));
        Assert.NotNull(page.QuerySelector("footer a[href='/privacy']"));
    }

    [Fact]
    public async Task Home_InEnglish_WhenChosen()
    {
        using var client = _app.CreateBrowserLikeClient();
        var switched = await client.GetAsync(new Uri("/language/en?returnUrl=%2Fprivacy", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/privacy", switched.Headers.Location!.OriginalString);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/", UriKind.Relative), Ct));
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Musashino City", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LanguageSwitch_RefusesToRedirectOffSite()
    {
        using var client = _app.CreateBrowserLikeClient();
        var switched = await client.GetAsync(new Uri("/language/en?returnUrl=%2F%2Fevil.example%2F", UriKind.Relative), Ct);
        Assert.Equal("/", switched.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var client = _app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct));
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.True(document.RootElement.GetProperty("paths").TryGetProperty("/api/v1/departments", out _));
    }

    [Fact]
    public async Task Metrics_AreInPrometheusFormat()
    {
        using var client = _app.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWithoutKey_Returns401ProblemDetailsInJapaneseAndEnglish()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/departments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("認証が必要です", problem.RootElement.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Authorization: Bearer", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiWithDemoKey_ListsMusashinoDepartments()
    {
        using var client = _app.CreateApiClient();
        using var departments = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/departments", UriKind.Relative), Ct));
        var names = departments.RootElement.EnumerateArray().Select(d => d.GetProperty("nameJa").GetString()).ToList();
        Assert.Contains("情報政策課", names);
        Assert.Contains("市民課", names);
        Assert.Contains("子ども子育て支援課", names);
        Assert.Contains("道路管理課", names);
    }

    [Fact]
    public async Task UnknownPage_Returns404PageInJapanese()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ページが見つかりません", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Pages_SendSecurityHeaders()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
