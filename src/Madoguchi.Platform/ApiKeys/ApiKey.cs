using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.ApiKeys;

/// <summary>
/// A key for another system (他システム連携). The secret is shown once at creation and stored only as
/// a SHA-256 hash; keys are high-entropy random values, so a fast hash is enough (like GitHub's tokens).
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }

    /// <summary>First characters of the key, shown to admins to tell keys apart.</summary>
    public required string Prefix { get; set; }

    public required string SecretHash { get; set; }

    /// <summary>Granted scopes, separated by spaces.</summary>
    public string Scopes { get; set; } = "";

    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool HasScope(string scope) => ScopeList.Contains(scope, StringComparer.Ordinal);

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>A new random key: <c>mdg_</c> + 32 random bytes, base64url.</summary>
    public static string NewSecret() =>
        "mdg_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>Scopes an API key can hold.</summary>
public static class ApiScopes
{
    public const string OrganizationRead = "organization:read";
    public const string StaffRead = "staff:read";
    public const string AuditRead = "audit:read";
    public const string ApiKeysManage = "apikeys:manage";
    public const string OutboxManage = "outbox:manage";

    /// <summary>Create and read payments, refund, reconcile (手数料・決済).</summary>
    public const string Payments = "payments";

    /// <summary>案件: read cases and take staff actions on them (not approvals, which are personal).</summary>
    public const string Cases = "cases";

    public static readonly IReadOnlyList<string> All = [OrganizationRead, StaffRead, AuditRead, ApiKeysManage, OutboxManage, Payments, Cases];
}
