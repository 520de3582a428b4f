using System.Net;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Platform;

public sealed class HostTests
{
    [Fact]
    public async Task Healthz_WhenDatabaseAnswers_Returns200()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Home_ShowsTheDemoCityInJapanese()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await Html.ParseAsync(response);
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("武蔵野市", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("a.skip-link[href='#main']"));
    }
}
