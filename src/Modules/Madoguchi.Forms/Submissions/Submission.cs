using System.Text.Json.Nodes;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Submissions;

/// <summary>
/// 申請: a submitted application. Immutable answers (cleaned: hidden and empty fields removed), the
/// form version they were made with, and a receipt number (受付番号) a person can read out over the phone.
/// </summary>
public sealed class Submission : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    public Guid ProcedureId { get; set; }

    public required string ProcedureSlug { get; set; }

    public Guid FormVersionId { get; set; }

    /// <summary>受付番号, e.g. MSN-2026-000123.</summary>
    public required string ReceiptNumber { get; set; }

    public required string AnswersJson { get; set; }

    /// <summary>Computed values at submission (e.g. the fee), as { id: value }.</summary>
    public string ComputedJson { get; set; } = "{}";

    public SubmissionStatus Status { get; set; }

    public SubmissionChannel Channel { get; set; }

    /// <summary>書かない窓口: the staff member who entered it with the citizen at the counter (null online).</summary>
    public Guid? EnteredById { get; set; }

    /// <summary>That staff member's display name when it was entered.</summary>
    public string? EnteredByName { get; set; }

    public DateTime SubmittedAt { get; set; }

    /// <summary>Hex SHA-256 of the status capability token (the status URL's last segment).</summary>
    public required string StatusTokenHash { get; set; }

    /// <summary>The status token, protected with Data Protection, so a replayed submission can answer the same URL.</summary>
    public required string StatusTokenProtected { get; set; }

    /// <summary>Hex SHA-256 of the client's Idempotency-Key (API) or of the draft id (web); unique per organisation.</summary>
    public string? IdempotencyKeyHash { get; set; }

    /// <summary>Hex SHA-256 of the request body: the same key with another body is refused.</summary>
    public string? RequestHash { get; set; }

    public Guid? DraftId { get; set; }

    /// <summary>住民アカウント that submitted it (from the draft), for the citizen's page and their notice channel; null when anonymous.</summary>
    public Guid? CitizenAccountId { get; set; }

    /// <summary>Where the receipt and notices go.</summary>
    public string? Email { get; set; }

    /// <summary>The language the citizen applied in ("ja" or "en"): notices about the application are sent in it.</summary>
    public string Language { get; set; } = "ja";

    /// <summary>補正: how many times the applicant corrected the answers (0 = as submitted).</summary>
    public int Revision { get; set; }

    public JsonObject Answers() => JsonNode.Parse(AnswersJson) as JsonObject ?? [];
}

/// <summary>What the citizen sees of a submission; the cases module moves it on.</summary>
public enum SubmissionStatus
{
    /// <summary>受付: received, waiting for the department.</summary>
    Received = 0,
}

public enum SubmissionChannel
{
    Web = 0,
    Api = 1,

    /// <summary>窓口: entered by staff with the citizen at the counter (書かない窓口); not an online application.</summary>
    Counter = 2,
}

public static class SubmissionChannels
{
    /// <summary>The wire name other modules and the API use: <c>web</c>, <c>api</c> or <c>counter</c>.</summary>
    public static string WireName(SubmissionChannel channel) => channel switch
    {
        SubmissionChannel.Api => "api",
        SubmissionChannel.Counter => "counter",
        _ => "web",
    };
}
