using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Plan.Model;

/// <summary>
/// A status a department can choose in its yearly report (configurable per organisation), with the
/// progress percentage it implies (Decidim's result statuses).
/// </summary>
public sealed class ProgressStatus : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    public required string Code { get; set; }
    public required string NameJa { get; set; }
    public string NameEn { get; set; } = "";

    /// <summary>The progress this status implies, 0–100.</summary>
    public int ImpliedProgress { get; set; }

    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(bool english) => english && NameEn.Length > 0 ? NameEn : NameJa;
}

/// <summary>Where a yearly report is in its life.</summary>
public enum ReportState
{
    /// <summary>下書き: the department is writing it.</summary>
    Draft = 0,

    /// <summary>提出済み: sent to the IT policy division; immutable.</summary>
    Submitted = 1,

    /// <summary>差戻し: returned for revision; the department edits and submits again.</summary>
    Returned = 2,

    /// <summary>評価済み: accepted with an evaluation; immutable.</summary>
    Accepted = 3,
}

/// <summary>評価: the IT policy division's rating of a report.</summary>
public enum EvaluationRating
{
    /// <summary>A: 計画どおり進んでいる.</summary>
    A = 0,

    /// <summary>B: 概ね計画どおり.</summary>
    B = 1,

    /// <summary>C: 遅れがある.</summary>
    C = 2,

    /// <summary>D: 大幅に遅れている・見直しが必要.</summary>
    D = 3,
}

/// <summary>
/// 進捗報告: a responsible department's report on one project for one fiscal year — status, progress,
/// what was done, issues, next year's plan and indicator values — and, once submitted, the IT policy
/// division's evaluation. A submitted or accepted report cannot change; a returned one can.
/// </summary>
public sealed class ProgressReport : ITenantOwned
{
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid DepartmentId { get; set; }
    public int FiscalYear { get; set; }

    public ReportState State { get; set; }

    public string StatusCode { get; set; } = "";
    public int ProgressPercent { get; set; }
    public string DoneJa { get; set; } = "";
    public string IssuesJa { get; set; } = "";
    public string NextYearPlanJa { get; set; } = "";

    /// <summary>指標の値: the project's own indicators, free text (e.g. 「オンライン申請件数 12,345件」).</summary>
    public string IndicatorValuesJa { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }

    /// <summary>The IT policy division's reason when it returned the report.</summary>
    public string ReturnReasonJa { get; set; } = "";

    public EvaluationRating? Rating { get; set; }
    public string EvaluationCommentJa { get; set; } = "";

    /// <summary>The evaluation of the next year's plan (来期計画の評価).</summary>
    public string NextYearPlanCommentJa { get; set; } = "";

    public DateTime? EvaluatedAt { get; set; }
    public string? EvaluatedBy { get; set; }

    /// <summary>Optimistic concurrency: bumped by every change, so two editors cannot both win.</summary>
    public int Revision { get; set; }

    public bool IsEditable => State is ReportState.Draft or ReportState.Returned;

    /// <summary>Counts in progress figures: submitted or accepted (drafts and returned reports do not).</summary>
    public bool IsFinal => State is ReportState.Submitted or ReportState.Accepted;

    public ReportResult Edit(ReportContent content, ProgressStatus status, string by, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(status);
        if (!IsEditable)
        {
            return ReportResult.Fail(ReportError.NotEditable);
        }

        if (content.ProgressPercent is < 0 or > 100)
        {
            return ReportResult.Fail(ReportError.ProgressOutOfRange);
        }

        if (TooLong(content.Done) || TooLong(content.Issues) || TooLong(content.NextYearPlan) || TooLong(content.IndicatorValues))
        {
            return ReportResult.Fail(ReportError.TextTooLong);
        }

        StatusCode = status.Code;
        ProgressPercent = content.ProgressPercent ?? status.ImpliedProgress;
        DoneJa = content.Done?.Trim() ?? "";
        IssuesJa = content.Issues?.Trim() ?? "";
        NextYearPlanJa = content.NextYearPlan?.Trim() ?? "";
        IndicatorValuesJa = content.IndicatorValues?.Trim() ?? "";
        Touch(by, now);
        return ReportResult.Ok;
    }

    public ReportResult Submit(string by, DateTime now)
    {
        if (!IsEditable)
        {
            return ReportResult.Fail(ReportError.NotEditable);
        }

        if (StatusCode.Length == 0 || DoneJa.Length == 0 || NextYearPlanJa.Length == 0)
        {
            return ReportResult.Fail(ReportError.Incomplete);
        }

        State = ReportState.Submitted;
        SubmittedAt = now;
        SubmittedBy = by;
        Touch(by, now);
        return ReportResult.Ok;
    }

    public ReportResult Return(string reason, string by, DateTime now)
    {
        if (State != ReportState.Submitted)
        {
            return ReportResult.Fail(ReportError.NotSubmitted);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ReportResult.Fail(ReportError.ReasonRequired);
        }

        State = ReportState.Returned;
        ReturnReasonJa = reason.Trim();
        Touch(by, now);
        return ReportResult.Ok;
    }

    public ReportResult Accept(EvaluationRating rating, string comment, string nextYearPlanComment, string by, DateTime now)
    {
        if (State != ReportState.Submitted)
        {
            return ReportResult.Fail(ReportError.NotSubmitted);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return ReportResult.Fail(ReportError.CommentRequired);
        }

        if (TooLong(comment) || TooLong(nextYearPlanComment))
        {
            return ReportResult.Fail(ReportError.TextTooLong);
        }

        State = ReportState.Accepted;
        Rating = rating;
        EvaluationCommentJa = comment.Trim();
        NextYearPlanCommentJa = nextYearPlanComment?.Trim() ?? "";
        EvaluatedAt = now;
        EvaluatedBy = by;
        ReturnReasonJa = "";
        Touch(by, now);
        return ReportResult.Ok;
    }

    private void Touch(string by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedBy = by;
        Revision++;
    }

    private static bool TooLong(string? text) => text is { Length: > MaxTextLength };
}

/// <summary>What a department writes in a report.</summary>
public sealed record ReportContent(int? ProgressPercent, string? Done, string? Issues, string? NextYearPlan, string? IndicatorValues);

public enum ReportError
{
    None = 0,
    NotEditable,
    ProgressOutOfRange,
    TextTooLong,
    Incomplete,
    NotSubmitted,
    ReasonRequired,
    CommentRequired,
}

public readonly record struct ReportResult(ReportError Error)
{
    public static readonly ReportResult Ok = new(ReportError.None);

    public bool Succeeded => Error == ReportError.None;

    public static ReportResult Fail(ReportError error) => new(error);
}

/// <summary>
/// ICT戦略会議報告: the IT policy division's report to the ICT strategy council for one fiscal year,
/// with a frozen snapshot of the figures at the time it was issued (later edits do not change it).
/// </summary>
public sealed class CouncilReport : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }
    public int FiscalYear { get; set; }

    /// <summary>The division's summary for the council (総括).</summary>
    public string SummaryJa { get; set; } = "";

    /// <summary>The overview, roll-up, project table and goals as JSON, frozen at issue.</summary>
    public string SnapshotJson { get; set; } = "";

    public DateTime IssuedAt { get; set; }
    public required string IssuedBy { get; set; }
}
