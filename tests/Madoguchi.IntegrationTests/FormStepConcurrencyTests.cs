using System.Net;
using Madoguchi.Platform.Data;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.IntegrationTests;

/// <summary>
/// A step page opened many times at once by the same person (two tabs, a reload while loading, the benchmark's
/// 16 connections on one draft) always renders: every GET refreshes the draft's last-seen time, and losing that
/// race to another GET of the same draft is harmless. The benchmark found 500s here on PostgreSQL.
/// </summary>
public sealed class FormStepConcurrencyTests
{
    [Fact]
    public async Task SameDraftsStepOpenedConcurrently_AlwaysRenders()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres);
        await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();
        var start = await Html.ParseAsync(await client.GetAsync($"/apply/{TestForms.Slug}", ct));
        using var started = await Html.SubmitAsync(client, start, "main form", new Dictionary<string, string>());
        var step = started.Headers.Location!.OriginalString;

        for (var round = 0; round < 5; round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
            {
                using var response = await client.GetAsync(step, ct);
                return response.StatusCode;
            }));
            Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        }
    }
}
