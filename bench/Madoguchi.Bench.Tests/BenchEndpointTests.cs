using System.Net;
using Madoguchi.Testing;

namespace Madoguchi.Bench.Tests;

/// <summary>The app's empty endpoint exists only for the benchmark, and stays out of the API description.</summary>
public sealed class BenchEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EmptyEndpoint_IsOffByDefault()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/bench/empty", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EmptyEndpoint_WithBenchEnabled_Answers204_AndIsNotInOpenApi()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Bench:Enabled"] = "true" });
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/bench/empty", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));

        var openApi = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Contains("/api/v1/procedures", openApi, StringComparison.Ordinal);
        Assert.DoesNotContain("/bench", openApi, StringComparison.Ordinal);
    }
}
