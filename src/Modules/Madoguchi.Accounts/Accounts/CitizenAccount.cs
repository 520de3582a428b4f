using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Accounts.Accounts;

/// <summary>How a citizen wants the notices about their applications (プッシュ型通知).</summary>
public static class NotificationChannels
{
    /// <summary>By email (and on their page).</summary>
    public const string Email = "email";

    /// <summary>On their page only: no email for case notices (the receipt email is still sent).</summary>
    public const string InApp = "in-app";
}

/// <summary>
/// 住民アカウント (ADR 0011): optional; created at the first confirmed sign-in by email link, one per
/// email address and organisation. Keeps the profile that prefills forms (once-only).
/// </summary>
public sealed class CitizenAccount : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The address signed in with, trimmed and in lower case.</summary>
    public required string Email { get; set; }

    /// <summary>OpenID Connect (e.g. デジタル認証アプリ): "{issuer}|{sub}" of the identity linked to this account, if any.</summary>
    public string? OidcSubject { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime LastSignedInAt { get; set; }
    public DateTime? ProfileUpdatedAt { get; set; }

    public string? FamilyName { get; set; }
    public string? GivenName { get; set; }
    public string? FamilyNameKana { get; set; }
    public string? GivenNameKana { get; set; }
    public string? PostalCode { get; set; }
    public string? Address { get; set; }
    public string? Building { get; set; }
    public string? Phone { get; set; }

    /// <summary><see cref="NotificationChannels.Email"/> or <see cref="NotificationChannels.InApp"/>.</summary>
    public string NotificationChannel { get; set; } = NotificationChannels.Email;

    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
