using System.Net;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.Tests.ApiKeys;

public sealed class ApiKeysApiTests
{
    private static Task<HttpResponseMessage> CreateKeyAsync(HttpClient client, string name, params string[] scopes) =>
        ApiJson.PostAsync(client, "/api/v1/api-keys", new { name, scopes });

    [Fact]
    public async Task Create_ReturnsSecretOnce_StoresOnlyItsHash_AndNotifiesEverySystemAdminInTheSameTransaction()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var before = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.OutboxMessages.CountAsync(TestContext.Current.CancellationToken));

        var response = await CreateKeyAsync(client, "基幹システム連携", ApiScopes.OrganizationRead);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await ApiJson.ReadAsync(response);
        var id = created.GetProperty("id").GetGuid();
        var secret = created.GetProperty("secret").GetString()!;
        Assert.StartsWith("mdg_", secret, StringComparison.Ordinal);
        Assert.Equal("基幹システム連携", created.GetProperty("name").GetString());
        Assert.StartsWith(created.GetProperty("prefix").GetString()!, secret, StringComparison.Ordinal);
        Assert.Equal([ApiScopes.OrganizationRead], created.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()!));
        Assert.EndsWith($"/api/v1/api-keys/{id}", response.Headers.Location!.ToString(), StringComparison.OrdinalIgnoreCase);

        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var key = await db.ApiKeys.SingleAsync(k => k.Id == id, TestContext.Current.CancellationToken);
            Assert.Equal(ApiKey.Hash(secret), key.SecretHash);
            Assert.DoesNotContain(secret, key.SecretHash + key.Prefix + key.Name + key.Scopes, StringComparison.Ordinal);

            var messages = await db.OutboxMessages.OrderBy(m => m.CreatedAt).ToListAsync(TestContext.Current.CancellationToken);
            var notices = messages.Skip(before).ToList();
            var email = Assert.Single(notices);
            Assert.Equal(EmailOutboxHandler.MessageType, email.Type);
            var notice = OutboxQueue.Read<EmailMessage>(email);
            Assert.Equal("admin@musashino.example", notice.To);
            Assert.Contains("新しいAPIキーが発行されました", notice.Subject, StringComparison.Ordinal);
            Assert.Contains("A new API key was issued", notice.Subject, StringComparison.Ordinal);
            Assert.Contains("基幹システム連携", notice.TextBody, StringComparison.Ordinal);
            Assert.Contains(ApiScopes.OrganizationRead, notice.TextBody, StringComparison.Ordinal);
            Assert.Contains("Demo key", notice.TextBody, StringComparison.Ordinal); // who
            Assert.DoesNotContain(secret, email.Payload, StringComparison.Ordinal);

            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "apikey.created" && e.EntityId == id.ToString(), TestContext.Current.CancellationToken));
            return 0;
        });
    }

    [Fact]
    public async Task List_NeverIncludesSecrets()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        var created = await ApiJson.ReadAsync(await CreateKeyAsync(client, "list test", ApiScopes.AuditRead));
        var secret = created.GetProperty("secret").GetString()!;

        var response = await ApiJson.GetAsync(client, "/api/v1/api-keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(MadoguchiApp.DemoApiKey, text, StringComparison.Ordinal);
        var keys = await ApiJson.ReadAsync(response);
        Assert.Equal(2, keys.GetArrayLength());
        Assert.All(keys.EnumerateArray(), k =>
        {
            Assert.False(k.TryGetProperty("secret", out _));
            Assert.False(k.TryGetProperty("secretHash", out _));
        });
    }

    [Fact]
    public async Task NewKey_GetsItsScopesOnly_MissingScopeIs403_UnknownOrRevokedKeyIs401()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var admin = app.CreateApiClient();
        var created = await ApiJson.ReadAsync(await CreateKeyAsync(admin, "read only", ApiScopes.OrganizationRead));
        var id = created.GetProperty("id").GetGuid();
        using var limited = app.CreateApiClient(created.GetProperty("secret").GetString()!);

        Assert.Equal(HttpStatusCode.OK, (await ApiJson.GetAsync(limited, "/api/v1/organization")).StatusCode);
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(limited, "/api/v1/staff"), 403);
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(limited, "/api/v1/api-keys"), 403);

        using var unknown = app.CreateApiClient("mdg_not_a_real_key_000000000000000000000000");
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(unknown, "/api/v1/organization"), 401);
        using var anonymous = app.CreateClient();
        var noKey = await ApiJson.GetAsync(anonymous, "/api/v1/organization");
        await ApiJson.AssertProblemAsync(noKey, 401);

        Assert.Equal(HttpStatusCode.NoContent, (await ApiJson.DeleteAsync(admin, $"/api/v1/api-keys/{id}")).StatusCode);
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(limited, "/api/v1/organization"), 401);
        var listed = await ApiJson.ReadAsync(await ApiJson.GetAsync(admin, "/api/v1/api-keys"));
        Assert.Contains(listed.EnumerateArray(), k => k.GetProperty("id").GetGuid() == id && k.GetProperty("revokedAt").ValueKind == System.Text.Json.JsonValueKind.String);
    }

    [Fact]
    public async Task Create_WithoutNameOrWithUnknownScope_IsAValidationProblemPerField()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        var problem = await ApiJson.AssertProblemAsync(await CreateKeyAsync(client, " ", "everything:write"), 400);

        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("everything:write", errors.GetProperty("scopes")[0].GetString()!, StringComparison.Ordinal);
        await ApiJson.AssertProblemAsync(await CreateKeyAsync(client, "no scopes"), 400);
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            Assert.Equal(1, await db.ApiKeys.CountAsync(TestContext.Current.CancellationToken));
            return 0;
        });
    }

    [Fact]
    public async Task Revoke_UnknownKey_Is404Problem()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();

        await ApiJson.AssertProblemAsync(await ApiJson.DeleteAsync(client, $"/api/v1/api-keys/{Guid.NewGuid()}"), 404);
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdminEndpoints()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateClient();

        var document = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/openapi/v1.json"));

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(operation => operation.Value.ValueKind == System.Text.Json.JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out _))
            .Select(operation => operation.Value.GetProperty("operationId").GetString())
            .ToList();
        foreach (var operation in new[] { "CreateApiKey", "ListApiKeys", "RevokeApiKey", "ListStaff", "VerifyAuditChain", "ListAuditEntries", "ListDeadLetters", "RetryDeadLetter" })
        {
            Assert.Contains(operation, operations);
        }
    }
}

public sealed class ApiErrorTests
{
    [Theory]
    [InlineData("POST", "/api/v1/api-keys", "{not json", 400)]
    [InlineData("GET", "/api/v1/no-such-thing", null, 404)]
    public async Task FrameworkErrors_UnderTheApi_AreBilingualProblems(string method, string path, string? body, int status)
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateApiClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        await ApiJson.AssertProblemAsync(response, status);
    }
}
