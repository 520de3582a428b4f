using System.Net;
using System.Net.Http.Json;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests;

/// <summary>Idempotency-Key under real concurrency on PostgreSQL (READ COMMITTED, unique index as the guard).</summary>
public sealed class IdempotencyTests
{
    private static readonly string[] ReadScope = ["organization:read"];

    [Fact]
    public async Task ConcurrentRequestsWithSameKey_OnPostgres_CreateExactlyOneKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/api-keys", UriKind.Relative))
            {
                Content = JsonContent.Create(new { name = "pg concurrent", scopes = ReadScope }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request, ct);
            return (response.StatusCode, Replayed: response.Headers.Contains("Idempotent-Replayed"), Body: await response.Content.ReadAsStringAsync(ct));
        }, ct)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Answered {(int)r.StatusCode}: {r.Body}"));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.Single(created, r => !r.Replayed);
        Assert.Single(created.Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("secret").GetString()).Distinct());
        var keys = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.ApiKeys.CountAsync(k => k.Name == "pg concurrent", ct));
        Assert.Equal(1, keys);
    }
}
