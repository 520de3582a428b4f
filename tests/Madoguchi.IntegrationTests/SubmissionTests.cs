using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests;

/// <summary>Submissions under real concurrency on PostgreSQL: exactly one per key, distinct receipt numbers, one case event each.</summary>
public sealed class SubmissionTests
{
    private static HttpRequestMessage Post(string key, string answers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/v1/procedures/{TestForms.Slug}/submissions", UriKind.Relative))
        {
            Content = new StringContent($"{{ \"answers\": {answers} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    [Fact]
    public async Task ManyApplicants_AndTheirRetries_AtOnce_OnPostgres_GiveOneSubmissionEach_WithDistinctReceipts()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        await TestForms.PublishAsync(app);
        using var client = app.CreateClient();
        var keys = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid().ToString()).ToList();

        // Each applicant's request is sent three times at once (a double click and a network retry).
        var responses = await Task.WhenAll(keys.SelectMany(k => Enumerable.Repeat(k, 3)).Select(key => Task.Run(async () =>
        {
            using var response = await client.SendAsync(Post(key, TestForms.ValidAnswers()), ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return (Key: key, response.StatusCode, Body: body);
        }, ct)));

        Assert.All(responses, r => Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {r.Body}"));
        var receiptByKey = responses.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Select(r => JsonNode.Parse(r.Body)!["receiptNumber"]!.GetValue<string>()).Distinct().ToList());
        Assert.All(receiptByKey.Values, receipts => Assert.Single(receipts));
        Assert.Equal(keys.Count, receiptByKey.Values.Select(r => r[0]).Distinct().Count());

        var (submissions, events) = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            (await db.Set<Submission>().CountAsync(ct), await db.OutboxMessages.CountAsync(m => m.Type == SubmissionReceived.Type, ct)));
        Assert.Equal(keys.Count, submissions);
        Assert.Equal(keys.Count, events);
    }
}
