using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Accounts.Accounts;

/// <summary>
/// A one-time sign-in link (ADR 0011): only the SHA-256 of its random token is stored; it works for
/// <see cref="SignInLinks.Lifetime"/> and once. Audit-exempt: anyone may ask for one, and the sign-in it
/// leads to is audited itself.
/// </summary>
public sealed class SignInLink : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Hex SHA-256 of the token in the emailed link.</summary>
    public required string TokenHash { get; set; }

    /// <summary>Where it was sent (normalised): the account it signs in to, created on first use.</summary>
    public required string Email { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
