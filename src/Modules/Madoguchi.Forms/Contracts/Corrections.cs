namespace Madoguchi.Forms.Contracts;

/// <summary>A top-level question of a submission's form that staff may ask the applicant to correct (補正).</summary>
public sealed record CorrectableField(string Key, string LabelJa, string LabelEn, bool IsDocument);

/// <summary>The questions of a submission's own form version (implemented by the forms module).</summary>
public interface ISubmissionFields
{
    /// <summary>The questions of the form version the submission was made with; empty when the submission does not exist.</summary>
    Task<IReadOnlyList<CorrectableField>> FieldsAsync(Guid submissionId, CancellationToken cancellationToken);
}

/// <summary>Where a 補正依頼 stands.</summary>
public enum CorrectionState
{
    /// <summary>Waiting for the applicant.</summary>
    Open,

    /// <summary>The applicant resubmitted: the link is used up.</summary>
    Answered,

    /// <summary>The link ran out before the applicant answered.</summary>
    Expired,

    /// <summary>The case moved on without an answer (staff took it back into review, or it was withdrawn).</summary>
    Closed,
}

/// <summary>A 補正依頼 as the citizen's correction page sees it.</summary>
public sealed record CorrectionRequestInfo(
    Guid Id, Guid SubmissionId, IReadOnlyList<string> Fields, bool Documents, string Message, DateTime RequestedAt, DateTime ExpiresAt, CorrectionState State, DateTime? AnsweredAt);

/// <summary>One changed answer: field, before → after, as text (個人番号 already masked).</summary>
public sealed record CorrectionChange(string Field, string LabelJa, string LabelEn, string Before, string After);

public enum CorrectionAnswerOutcome
{
    /// <summary>Staged in the caller's unit of work; the caller saves.</summary>
    Staged,

    /// <summary>Answered before (the link works once).</summary>
    AlreadyAnswered,

    /// <summary>Expired or closed: nothing to answer.</summary>
    NotOpen,
}

/// <summary>
/// 補正依頼 for the citizen side (implemented by the cases module): find a request by its link's token
/// (only a hash is stored) and record the applicant's answer. <see cref="StageAnswerAsync"/> adds its
/// changes to the caller's unit of work (the case back to 審査中 with the diff in its history), so the
/// forms module saves the revised answers and the case change in one transaction.
/// </summary>
public interface ICorrectionRequests
{
    Task<CorrectionRequestInfo?> FindByTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>The latest request of a submission (for the status page's link, which is the status URL's capability).</summary>
    Task<CorrectionRequestInfo?> LatestForSubmissionAsync(Guid submissionId, CancellationToken cancellationToken);

    Task<CorrectionAnswerOutcome> StageAnswerAsync(Guid correctionId, IReadOnlyList<CorrectionChange> changes, CancellationToken cancellationToken);
}

/// <summary>One step of an application as the citizen's status page (状況照会) shows it, in plain words.</summary>
public sealed record ApplicationStatusStep(string Kind, DateTime At, string TitleJa, string TitleEn, string TextJa, string TextEn, bool IsCurrent, bool NeedsAction);

/// <summary>The steps of an application so far (implemented by the cases module; none before a case is opened).</summary>
public interface IApplicationStatusSteps
{
    Task<IReadOnlyList<ApplicationStatusStep>> StepsAsync(Guid submissionId, CancellationToken cancellationToken);
}
