using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Submissions;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Platform;

/// <summary>
/// Admission control on public writes: beyond the configured concurrency and queue, citizens get a quick 503 with
/// Retry-After and a plain message instead of a timeout; nothing refused is half-written; the app recovers by itself.
/// </summary>
public sealed class AdmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AWaveOfSubmissions_BeyondCapacity_GetsQuick503WithRetryAfter_AndEveryAcceptedOneIsStoredOnce()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admission:PublicWriteConcurrency"] = "1",
            ["Admission:PublicWriteQueue"] = "0",
        });
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();

        using var gate = new SemaphoreSlim(0);
        var wave = Enumerable.Range(0, 40).Select(async _ =>
        {
            await gate.WaitAsync(Ct);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
            {
                Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            using var response = await client.SendAsync(request, Ct);
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter?.Delta, Body: await response.Content.ReadAsStringAsync(Ct));
        }).ToList();
        gate.Release(wave.Count);
        var answers = await Task.WhenAll(wave);

        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        var accepted = answers.Count(a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(answers.Length, accepted + refused.Count); // nothing else: no 500, no timeout
        Assert.NotEmpty(refused);
        Assert.True(accepted >= 1, "At least the first submission must get through.");
        Assert.All(refused, r =>
        {
            Assert.NotNull(r.RetryAfter);
            Assert.InRange(r.RetryAfter!.Value.TotalSeconds, 1, 10);
            var problem = JsonNode.Parse(r.Body)!;
            Assert.Contains("混み合っています", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Contains("busy", problem["title"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.Equal(accepted, await app.InOrganizationAsync("MSN", (db, _) => db.Set<Submission>().CountAsync(Ct)));

        // The wave has passed: the next citizen gets through without waiting for anything to reset.
        using var after = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        after.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(after, Ct)).StatusCode);
    }

    [Fact]
    public async Task ReadsAndStaffPages_AreNeverRefusedByAdmission()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Admission:PublicWriteConcurrency"] = "1",
            ["Admission:PublicWriteQueue"] = "0",
        });
        using var client = app.CreateClient();
        var reads = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.GetAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct)));
        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
    }

    [Fact]
    public async Task APerAddressLimit_Answers429WithTheTimeLeftInItsWindow()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:PublicApiPerMinute"] = "2" });
        using var client = app.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await client.GetAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.InRange(last.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var problem = await last.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Contains("リクエストが多すぎます", problem!["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
