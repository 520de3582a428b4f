using System.Net;
using System.Net.Http.Json;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Madoguchi.Tests.ApiKeys;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Idempotency;

/// <summary>POST /api/v1/api-keys with <c>Idempotency-Key</c>: a retry returns the first answer (ADR 0008).</summary>
public sealed class IdempotencyTests
{
    private static readonly string[] ReadScope = [ApiScopes.OrganizationRead];

    private static async Task<HttpResponseMessage> CreateKeyAsync(HttpClient client, string? idempotencyKey, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/api-keys", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<int> KeyCountAsync(MadoguchiApp app, string name) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.ApiKeys.CountAsync(k => k.Name == name, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Submit_WithSameIdempotencyKey_ReturnsFirstResultAndCreatesOneKey()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "retry", scopes = ReadScope };

        var first = await CreateKeyAsync(client, key, body);
        var second = await CreateKeyAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Content.Headers.ContentType?.MediaType, second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var a = await ApiJson.ReadAsync(first);
        var b = await ApiJson.ReadAsync(second);
        Assert.Equal(a.GetProperty("secret").GetString(), b.GetProperty("secret").GetString());
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(1, await KeyCountAsync(app, "retry"));
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            // The record is technical: the key's creation is audited once, the record not at all.
            Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "apikey.created" && e.EntityId == a.GetProperty("id").GetGuid().ToString(), TestContext.Current.CancellationToken));
            Assert.False(await db.AuditEntries.AnyAsync(e => e.EntityType == "IdempotencyRecord", TestContext.Current.CancellationToken));
            return 0;
        });
    }

    [Fact]
    public async Task SameKeyDifferentBody_Is422()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.Created, (await CreateKeyAsync(client, key, new { name = "first", scopes = ReadScope })).StatusCode);
        var problem = await ApiJson.AssertProblemAsync(await CreateKeyAsync(client, key, new { name = "second", scopes = ReadScope }), 422);

        Assert.Contains("Idempotency-Key", problem.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Contains("別の内容", problem.GetProperty("title").GetString()!, StringComparison.Ordinal);
        Assert.Equal(0, await KeyCountAsync(app, "second"));
    }

    [Fact]
    public async Task NoKey_CreatesEachTime()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var body = new { name = "no key", scopes = ReadScope };

        var first = await CreateKeyAsync(client, null, body);
        var second = await CreateKeyAsync(client, null, body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await ApiJson.ReadAsync(first)).GetProperty("secret").GetString(), (await ApiJson.ReadAsync(second)).GetProperty("secret").GetString());
        Assert.Equal(2, await KeyCountAsync(app, "no key"));
    }

    [Fact]
    public async Task ConcurrentRequestsWithSameKey_CreateExactlyOneKey()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "concurrent", scopes = ReadScope };

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => CreateKeyAsync(client, key, body), TestContext.Current.CancellationToken)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Answered {(int)r.StatusCode}"));
        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        Assert.NotEmpty(created);
        Assert.Single(created, r => !r.Headers.Contains("Idempotent-Replayed"));
        var secrets = new HashSet<string>();
        foreach (var response in created)
        {
            secrets.Add((await ApiJson.ReadAsync(response)).GetProperty("secret").GetString()!);
        }

        Assert.Single(secrets);
        Assert.Equal(1, await KeyCountAsync(app, "concurrent"));
    }

    [Fact]
    public async Task ValidationError_IsNotStored()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();

        await ApiJson.AssertProblemAsync(await CreateKeyAsync(client, key, new { name = " ", scopes = ReadScope }), 400);
        var fixedResponse = await CreateKeyAsync(client, key, new { name = "fixed", scopes = ReadScope });

        Assert.Equal(HttpStatusCode.Created, fixedResponse.StatusCode);
        Assert.False(fixedResponse.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await KeyCountAsync(app, "fixed"));
    }

    [Fact]
    public async Task StoredResponse_IsNotPlainTextInDatabase()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        var response = await CreateKeyAsync(client, Guid.NewGuid().ToString(), new { name = "secret check", scopes = ReadScope });
        var secret = (await ApiJson.ReadAsync(response)).GetProperty("secret").GetString()!;

        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var record = await db.IdempotencyRecords.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(201, record.StatusCode);
            var rows = await db.Database.SqlQueryRaw<string>(
                    "SELECT \"Scope\" || '|' || \"Key\" || '|' || \"RequestHash\" || '|' || \"ResponseBody\" || '|' || COALESCE(\"ContentType\", '') || '|' || COALESCE(\"Location\", '') AS \"Value\" FROM platform_idempotency_records")
                .ToListAsync(TestContext.Current.CancellationToken);
            var stored = Assert.Single(rows);
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[4..20], stored, StringComparison.Ordinal);
            Assert.DoesNotContain("secret check", stored, StringComparison.Ordinal);
            return 0;
        });
    }

    [Theory]
    [InlineData("キー")]
    [InlineData("tab\tkey")]
    public async Task InvalidKey_Is400AndCreatesNothing(string key)
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/api-keys", UriKind.Relative))
        {
            Content = JsonContent.Create(new { name = "bad key", scopes = ReadScope }),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        await ApiJson.AssertProblemAsync(await client.SendAsync(request, TestContext.Current.CancellationToken), 400);
        Assert.Equal(0, await KeyCountAsync(app, "bad key"));
    }

    [Fact]
    public async Task KeyTooLong_Is400_MaximumLengthIsAccepted()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        await ApiJson.AssertProblemAsync(await CreateKeyAsync(client, new string('k', 201), new { name = "long", scopes = ReadScope }), 400);
        Assert.Equal(HttpStatusCode.Created, (await CreateKeyAsync(client, new string('k', 200), new { name = "long", scopes = ReadScope })).StatusCode);
    }

    [Fact]
    public async Task SameKeyFromAnotherClient_DoesNotReplay()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var admin = app.CreateApiClient();
        var second = await ApiJson.ReadAsync(await CreateKeyAsync(admin, null, new { name = "second admin", scopes = new[] { ApiScopes.ApiKeysManage } }));
        using var other = app.CreateApiClient(second.GetProperty("secret").GetString()!);
        var key = Guid.NewGuid().ToString();
        var body = new { name = "shared key", scopes = ReadScope };

        var a = await CreateKeyAsync(admin, key, body);
        var b = await CreateKeyAsync(other, key, body);

        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.False(b.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual((await ApiJson.ReadAsync(a)).GetProperty("secret").GetString(), (await ApiJson.ReadAsync(b)).GetProperty("secret").GetString());
        Assert.Equal(2, await KeyCountAsync(app, "shared key"));
    }

    [Fact]
    public async Task ExpiredRecord_IsIgnored()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var body = new { name = "expiring", scopes = ReadScope };
        Assert.Equal(HttpStatusCode.Created, (await CreateKeyAsync(client, key, body)).StatusCode);
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.IdempotencyRecords.ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), TestContext.Current.CancellationToken));

        var again = await CreateKeyAsync(client, key, body);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(2, await KeyCountAsync(app, "expiring"));
        Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.IdempotencyRecords.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task OpenApi_ListsTheOptionalIdempotencyKeyHeader_OnCreateApiKey()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();

        var document = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/openapi/v1.json"));

        var post = document.GetProperty("paths").GetProperty("/api/v1/api-keys").GetProperty("post");
        var header = Assert.Single(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.Equal("header", header.GetProperty("in").GetString());
        Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
        var get = document.GetProperty("paths").GetProperty("/api/v1/api-keys").GetProperty("get");
        Assert.False(get.TryGetProperty("parameters", out var parameters) && parameters.EnumerateArray().Any(p => p.GetProperty("name").GetString() == "Idempotency-Key"));
    }
}
