using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Cases.Corrections;

/// <summary>
/// 補正依頼: staff ask the applicant to correct some answers (and/or add documents). The applicant's
/// link carries a random token; only its SHA-256 is stored. The link expires, and works once.
/// </summary>
public sealed class CorrectionRequest : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public Guid SubmissionId { get; set; }

    /// <summary>Hex SHA-256 of the link's token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The requested field keys, as a JSON array.</summary>
    public string FieldsJson { get; set; } = "[]";

    /// <summary>書類の追加: the applicant is asked to attach documents.</summary>
    public bool Documents { get; set; }

    /// <summary>What the applicant must do, in the department's words.</summary>
    public required string Message { get; set; }

    public DateTime RequestedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public Guid? RequestedById { get; set; }
    public string RequestedByName { get; set; } = "";

    /// <summary>The site's address when it was requested (for links in the reminder).</summary>
    public string LinkBase { get; set; } = "";

    public DateTime? AnsweredAt { get; set; }

    /// <summary>The diff of the answer (field: before → after, 個人番号 masked), as JSON.</summary>
    public string? ChangesJson { get; set; }

    /// <summary>Set when the case moved on without an answer (staff took it back into review, or it ended).</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>催促: when the one reminder was sent.</summary>
    public DateTime? ReminderSentAt { get; set; }

    /// <summary>楽観的排他: two answers at once, or an answer and a reminder, cannot both win.</summary>
    public int Version { get; set; }

    public bool IsOpen(DateTime now) => AnsweredAt is null && ClosedAt is null && ExpiresAt > now;

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
