using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Accounts.Accounts;

/// <summary>
/// A passkey (WebAuthn credential) of a citizen account (ADR 0063): signs in to the same citizen session as the
/// email link. Only the public key is kept; the private key never leaves the citizen's device.
/// </summary>
public sealed class CitizenPasskey : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CitizenAccountId { get; set; }

    /// <summary>The authenticator's credential id (raw bytes).</summary>
    public required byte[] CredentialId { get; set; }

    /// <summary>The COSE public key, as the authenticator gave it at registration.</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>The authenticator's signature counter at the last use (0 when it does not count).</summary>
    public long SignCount { get; set; }

    /// <summary>WebAuthn's user handle: 32 random bytes per account (never the email), the same for all its passkeys.</summary>
    public required byte[] UserHandle { get; set; }

    /// <summary>The citizen's own name for it (e.g. "iPhone").</summary>
    public required string Name { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

/// <summary>
/// A WebAuthn challenge given out with passkey options (ADR 0063): the options as sent (to verify the answer
/// against), for <see cref="CitizenPasskeys.ChallengeLifetime"/> and one use. Audit-exempt like sign-in links:
/// anyone may ask for one.
/// </summary>
public sealed class PasskeyChallenge : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary><see cref="CitizenPasskeys.Register"/> or <see cref="CitizenPasskeys.SignIn"/>.</summary>
    public required string Purpose { get; set; }

    /// <summary>For registration: the signed-in account the passkey is for.</summary>
    public Guid? CitizenAccountId { get; set; }

    /// <summary>The options JSON given to the browser (holds the random challenge).</summary>
    public required string OptionsJson { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }
}
