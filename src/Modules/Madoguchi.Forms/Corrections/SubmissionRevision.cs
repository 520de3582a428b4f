using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Corrections;

/// <summary>
/// 補正: the answers of a submission BEFORE one correction by the applicant. The submission holds the
/// current answers; its revisions keep every earlier state. At most one revision per 補正依頼
/// (unique <see cref="CorrectionId"/>): a resubmitted link cannot create a second.
/// </summary>
public sealed class SubmissionRevision : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid SubmissionId { get; set; }

    /// <summary>The 補正依頼 this revision answers (owned by the cases module).</summary>
    public Guid CorrectionId { get; set; }

    /// <summary>1 for the first correction.</summary>
    public int Number { get; set; }

    public required string AnswersBeforeJson { get; set; }

    public required string AnswersAfterJson { get; set; }

    public DateTime CreatedAt { get; set; }
}
