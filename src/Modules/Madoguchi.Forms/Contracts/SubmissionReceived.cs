namespace Madoguchi.Forms.Contracts;

/// <summary>
/// Outbox event (type <see cref="Type"/>) written in the same transaction as a submission: case
/// processing (the cases module) opens a case (案件) from it. Carries no answers: the consumer reads
/// them through <see cref="ISubmissionReader"/>.
/// </summary>
public sealed record SubmissionReceived(Guid SubmissionId, Guid OrganizationId, Guid ProcedureId, string ProcedureSlug, string ReceiptNumber, DateTime SubmittedAt)
{
    public const string Type = "forms.submission-received";
}

/// <summary>A submission as other modules see it.</summary>
public sealed record SubmissionInfo(Guid Id, string ReceiptNumber, Guid ProcedureId, string ProcedureSlug, Guid FormVersionId, DateTime SubmittedAt, string AnswersJson, string ComputedJson, string? Email)
{
    /// <summary>The language the citizen applied in ("ja" or "en").</summary>
    public string Language { get; init; } = "ja";

    /// <summary>The status page's capability token, for links in notices (null when it cannot be read back).</summary>
    public string? StatusToken { get; init; }

    /// <summary>How it arrived: <c>web</c> or <c>api</c> (online), or <c>counter</c> (書かない窓口, entered by staff).</summary>
    public string Channel { get; init; } = "web";

    /// <summary>住民アカウント that submitted it (null when anonymous): its notice channel decides email or in-app only.</summary>
    public Guid? CitizenAccountId { get; init; }

    /// <summary>For a counter submission: the staff member who entered it.</summary>
    public string? EnteredByName { get; init; }

    /// <summary>
    /// The form's fee values (computed values marked <c>isFee</c>), in the form's order: what the citizen pays is
    /// their sum, e.g. 手数料 and 郵送料 with electronic payment. Their amounts are in <see cref="ComputedJson"/>.
    /// </summary>
    public IReadOnlyList<FeeItem> FeeItems { get; init; } = [];
}

/// <summary>One fee value of a form: its computed-value id and its label.</summary>
public sealed record FeeItem(string Id, string LabelJa, string LabelEn);

public interface ISubmissionReader
{
    Task<SubmissionInfo?> FindAsync(Guid submissionId, CancellationToken cancellationToken);

    /// <summary>Several at once (one query), e.g. for the case intake of a batch; unknown ids are left out.</summary>
    Task<IReadOnlyList<SubmissionInfo>> FindManyAsync(IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken);

    /// <summary>By its receipt number (受付番号), e.g. for counter payment (窓口収納).</summary>
    Task<SubmissionInfo?> FindByReceiptNumberAsync(string receiptNumber, CancellationToken cancellationToken);

    /// <summary>By the citizen's status link token (the secret in <c>/status/{token}</c>); null when unknown.</summary>
    Task<SubmissionInfo?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken);
}
