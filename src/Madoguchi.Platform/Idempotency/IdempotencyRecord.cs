using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.Idempotency;

/// <summary>
/// The first answer to a request sent with an <c>Idempotency-Key</c>, kept for
/// <see cref="IdempotencyFilter.Lifetime"/> so a retry gets the same answer. Written in the same
/// transaction as the business change it answers (ADR 0008). The body is protected with ASP.NET Core
/// Data Protection because answers can hold secrets (a new API key).
/// </summary>
public sealed class IdempotencyRecord : ITenantOwned
{
    public const int MaxKeyLength = 200;
    public const int MaxScopeLength = 200;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Who sent it (<c>apikey:{id}</c>, <c>user:{id}</c>), so two clients' keys never collide.</summary>
    public required string Scope { get; set; }

    /// <summary>The client's <c>Idempotency-Key</c> header.</summary>
    public required string Key { get; set; }

    /// <summary>Hex SHA-256 of method, path and body: a different request under the same key is refused.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    /// <summary>The answer's body, protected (purpose <see cref="IdempotencyFilter.ProtectionPurpose"/>), base64.</summary>
    public string ResponseBody { get; set; } = "";

    public string? ContentType { get; set; }

    /// <summary>The answer's <c>Location</c> header, if any (201 Created).</summary>
    public string? Location { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
}
