using System.Security.Claims;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Idempotency;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Api;

/// <summary><c>/api/v1/api-keys</c>: issue (secret shown once), list and revoke keys. Scope <c>apikeys:manage</c>.</summary>
public static class ApiKeysApi
{
    public sealed record CreateApiKeyRequest(string? Name, string[]? Scopes);

    /// <summary>A key as listed: never its secret.</summary>
    public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    /// <summary>The answer to a creation: the only time <see cref="Secret"/> is shown.</summary>
    public sealed record CreatedApiKeyDto(Guid Id, string Name, string Prefix, IReadOnlyList<string> Scopes, DateTime CreatedAt, string Secret);

    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var scope = StaffPolicies.Scope(ApiScopes.ApiKeysManage);
        api.MapGet("/api-keys", List)
            .RequireAuthorization(scope).WithTags("API keys")
            .WithName("ListApiKeys")
            .WithSummary("The organisation's API keys, without their secrets.")
            .ProducesAuthProblems();
        api.MapPost("/api-keys", Create)
            .RequireAuthorization(scope).WithTags("API keys")
            .WithName("CreateApiKey")
            .WithSummary("Issues an API key. The secret is in this answer only; it is stored hashed. System administrators get a security notice by email.")
            .WithDescription("Send an `Idempotency-Key` header to retry safely: a retry within 24 hours returns the first answer (with `Idempotent-Replayed: true`), the same key with a different body is refused with 422.")
            .WithIdempotency()
            .ProducesAuthProblems();
        api.MapDelete("/api-keys/{id:guid}", Revoke)
            .RequireAuthorization(scope).WithTags("API keys")
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key: from now on it is answered with 401.")
            .ProducesAuthProblems();
        return api;
    }

    public static ApiKeyDto ToDto(this ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key.Id, key.Name, key.Prefix, key.ScopeList, key.CreatedAt, key.LastUsedAt, key.RevokedAt);
    }

    private static async Task<Ok<List<ApiKeyDto>>> List(MadoguchiDb db, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(k => k.ToDto()).ToList());
    }

    private static async Task<Results<Created<CreatedApiKeyDto>, ValidationProblem>> Create(
        CreateApiKeyRequest request, ApiKeyIssuer issuer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (ApiKeyIssuer.Validate(request.Name, request.Scopes) is { } errors)
        {
            return ApiProblems.Invalid(errors.Errors.ToDictionary(e => e.Key, e => e.Value));
        }

        var issuedBy = "API キー / API key " + (user.FindFirstValue(ClaimTypes.Name) ?? "unknown");
        var issued = await issuer.IssueAsync(request.Name!, request.Scopes!, issuedBy, null, cancellationToken);
        var key = issued.Key;
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}",
            new CreatedApiKeyDto(key.Id, key.Name, key.Prefix, key.ScopeList, key.CreatedAt, issued.Secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ApiKeyIssuer issuer, CancellationToken cancellationToken) =>
        await issuer.RevokeAsync(id, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound("APIキー", "API key");
}
