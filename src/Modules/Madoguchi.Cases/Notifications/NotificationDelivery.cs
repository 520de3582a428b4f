using System.Text.RegularExpressions;

namespace Madoguchi.Cases.Notifications;

/// <summary>
/// A notice's delivery as staff read it on the case page: the outbox's last error (an exception type and
/// message) sorted into what a clerk can act on (resource <c>NoticeError_{key}</c>); the technical text stays
/// available for the IT policy division.
/// </summary>
public static partial class NotificationDelivery
{
    /// <summary>queued (not tried yet, or waiting for the next attempt), sent, or failed (retries given up).</summary>
    public static string Simple(string state) => state switch
    {
        "sent" => "sent",
        "dead-lettered" => "failed",
        _ => "queued",
    };

    /// <summary>The last error's kind: config, recipient, auth, connection or other; null when there is none.</summary>
    public static string? ErrorKey(string? lastError)
    {
        if (string.IsNullOrWhiteSpace(lastError))
        {
            return null;
        }

        bool Has(params string[] parts) => parts.Any(p => lastError.Contains(p, StringComparison.OrdinalIgnoreCase));
        return Has("not configured") ? "config"
            : Has("mailbox", "recipient", "user unknown", "550 ", "553 ", "ParseException", "invalid address") ? "recipient"
            : Has("Authentication", "535 ") ? "auth"
            : Has("Socket", "connect", "timed out", "timeout", "IOException", "SmtpProtocolException") ? "connection"
            : "other";
    }

    /// <summary>The error's technical text for the IT policy division, with any email address masked as the recipient is.</summary>
    public static string? Technical(string? lastError) =>
        lastError is null ? null : Email().Replace(lastError, m => CaseNotifier.Mask(m.Value));

    [GeneratedRegex(@"[^\s<>()\[\]""',;:]+@[A-Za-z0-9.\-]+")]
    private static partial Regex Email();
}
