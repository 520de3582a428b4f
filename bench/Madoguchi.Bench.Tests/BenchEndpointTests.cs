using System.Net;
using Madoguchi.Testing;

namespace Madoguchi.Bench.Tests;

/// <summary>The app's bench endpoints (empty, runtime) exist only for the benchmark, and stays out of the API description.</summary>
public sealed class BenchEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BenchEndpoints_AreOffByDefault()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/bench/empty", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var runtime = await client.GetAsync(new Uri("/bench/runtime", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, runtime.StatusCode);
    }

    [Fact]
    public async Task BenchEndpoints_WithBenchEnabled_AnswerAndAreNotInOpenApi()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Bench:Enabled"] = "true" });
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/bench/empty", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));

        using var runtime = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/bench/runtime", UriKind.Relative), Ct));
        Assert.True(runtime.RootElement.GetProperty("jitCompiledMethods").GetInt64() > 1000, "A started app has compiled its startup code.");
        Assert.True(runtime.RootElement.GetProperty("jitMilliseconds").GetDouble() > 0);

        var openApi = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        Assert.Contains("/api/v1/procedures", openApi, StringComparison.Ordinal);
        Assert.DoesNotContain("/bench", openApi, StringComparison.Ordinal);
    }
}
