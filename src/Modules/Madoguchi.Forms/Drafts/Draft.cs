using System.Text.Json.Nodes;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Drafts;

/// <summary>
/// 下書き: a citizen's answers in progress, saved on every step. It stays on the form version it was
/// started with. The browser holds its token in a session cookie; an emailed link carries the same
/// token to resume elsewhere. Only the token's SHA-256 is stored.
/// </summary>
public sealed class Draft : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    public Guid ProcedureId { get; set; }

    public required string ProcedureSlug { get; set; }

    public Guid FormVersionId { get; set; }

    /// <summary>Hex SHA-256 of the capability token.</summary>
    public required string TokenHash { get; set; }

    public string AnswersJson { get; set; } = "{}";

    /// <summary>Where a resume link and the receipt go, when the citizen gave one.</summary>
    public string? Email { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Last save or page view: the idle timeout counts from here.</summary>
    public DateTime LastActivityAt { get; set; }

    /// <summary>Kept this long after the last activity, then deleted.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public Guid? SubmissionId { get; set; }

    /// <summary>When the resume link was last emailed (at most one mail per few minutes).</summary>
    public DateTime? ResumeLinkSentAt { get; set; }

    /// <summary>Set when a funnel "abandoned" event was recorded for it.</summary>
    public DateTime? AbandonedAt { get; set; }

    /// <summary>Random id linking this attempt's funnel events (not the draft id, not the token).</summary>
    public Guid Attempt { get; set; } = Guid.NewGuid();

    /// <summary>Optimistic concurrency: two tabs or a double click can't both submit.</summary>
    public Guid Version { get; set; }

    /// <summary>書かない窓口: the staff member filling this draft with the citizen at the counter (null for a citizen's own draft).</summary>
    public Guid? CounterStaffId { get; set; }

    /// <summary>住民アカウント: the signed-in citizen who started it (their page lists it and resumes it); null when anonymous.</summary>
    public Guid? CitizenAccountId { get; set; }

    public bool IsSubmitted => SubmittedAt is not null;

    public JsonObject Answers() => JsonNode.Parse(AnswersJson) as JsonObject ?? [];

    public void SaveAnswers(JsonObject answers, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(answers);
        AnswersJson = answers.ToJsonString();
        Touch(now);
    }

    /// <summary>
    /// A page view refreshes the idle clock at most this often: writing on every GET made each page view a durable
    /// commit (an fsync) and a row version, the largest cost of a step page under load. The idle timeout allows this
    /// much more (<see cref="DraftStore"/>), so a session never ends earlier than announced.
    /// </summary>
    public static readonly TimeSpan ViewTouchResolution = TimeSpan.FromSeconds(30);

    /// <summary>Refreshes the idle clock for a page view, unless it was refreshed less than <see cref="ViewTouchResolution"/> ago; true when it changed.</summary>
    public bool TouchForView(DateTime now)
    {
        if (now - LastActivityAt < ViewTouchResolution)
        {
            return false;
        }

        Touch(now);
        return true;
    }

    public void Touch(DateTime now)
    {
        LastActivityAt = now;
        ExpiresAt = now + DraftStore.Retention;
        Version = Guid.NewGuid();
    }
}
