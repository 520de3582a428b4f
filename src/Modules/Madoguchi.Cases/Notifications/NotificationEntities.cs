using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Cases.Notifications;

/// <summary>The notices a citizen gets about their application (プッシュ型通知).</summary>
public static class NotificationKinds
{
    /// <summary>受理: the department took the application into review.</summary>
    public const string Received = "received";

    /// <summary>補正依頼.</summary>
    public const string CorrectionRequested = "correction-requested";

    /// <summary>決定 (却下 with its reason).</summary>
    public const string Decision = "decision";

    /// <summary>完了.</summary>
    public const string Completed = "completed";

    /// <summary>催促: a correction request not answered in time.</summary>
    public const string Reminder = "reminder";

    public static IReadOnlyList<string> All { get; } = [Received, CorrectionRequested, Decision, Completed, Reminder];
}

/// <summary>
/// 通知テンプレート: one per organisation, kind and language, so a city can word its notices. Placeholders
/// in braces: {procedure}, {receiptNumber}, {statusUrl}, {correctionUrl}, {message}, {fields}, {dueDate}, {reason}.
/// </summary>
public sealed class NotificationTemplate : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Kind { get; set; }

    /// <summary>"ja" or "en".</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One notice sent about a case: its delivery state is the outbox message's.</summary>
public sealed class CaseNotification : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public required string Kind { get; set; }
    public required string Language { get; set; }
    /// <summary><c>email</c>, or <c>in-app</c> when the citizen's account asks for notices on its page only.</summary>
    public string Channel { get; set; } = "email";

    /// <summary>The recipient, masked for staff (t***@example.jp).</summary>
    public string RecipientMasked { get; set; } = "";

    /// <summary>The outbox message that emails it; <see cref="Guid.Empty"/> for an in-app-only notice (no email).</summary>
    public Guid OutboxMessageId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The notice as sent, for the citizen's page (住民アカウント, ADR 0011); null for notices sent before it was kept.</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }
}
