using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Cases.Cases;

/// <summary>The status model of a case (ADR 0050). Changed only through the transition table.</summary>
public enum CaseStatus
{
    /// <summary>受付: opened from a submission, nobody has looked at it yet.</summary>
    Received = 0,

    /// <summary>審査中.</summary>
    UnderReview = 1,

    /// <summary>補正依頼中: waiting for the applicant.</summary>
    AwaitingCorrection = 2,

    /// <summary>決裁中: on its approval route.</summary>
    InApproval = 3,

    /// <summary>完了.</summary>
    Completed = 4,

    /// <summary>却下.</summary>
    Rejected = 5,

    /// <summary>取下げ.</summary>
    Withdrawn = 6,
}

/// <summary>
/// 案件: one submission being processed by the responsible department. Answers stay with the
/// submission (read through the forms contract); the case holds the process state.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "案件 is a case; Madoguchi is C# only.")]
public sealed class Case : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>The submission this case was opened from: one case per submission (unique).</summary>
    public Guid SubmissionId { get; set; }

    public Guid ProcedureId { get; set; }
    public required string ProcedureSlug { get; set; }
    public string ProcedureTitleJa { get; set; } = "";
    public string ProcedureTitleEn { get; set; } = "";

    /// <summary>担当課: the responsible department; only its members see the case.</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>受付番号 of the submission.</summary>
    public required string ReceiptNumber { get; set; }

    /// <summary>SHA-256 of the applicant's normalised name and date of birth, for the duplicate check (no plain personal data here).</summary>
    public string? ApplicantKey { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>How the submission arrived: <c>web</c> or <c>api</c> (online) or <c>counter</c> (窓口, 書かない窓口), copied at intake.</summary>
    public string Channel { get; set; } = "web";

    /// <summary>For a counter submission: the staff member who entered it with the citizen.</summary>
    public string? EnteredByName { get; set; }

    public bool IsCounter => Channel == "counter";

    public DateTime SubmittedAt { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>処理期限: the submission date plus 標準処理期間 in business days (営業日); null when the procedure has none.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary>
    /// 未完了: not completed, rejected or withdrawn. Computed by the database from <see cref="Status"/> (a stored
    /// generated column) so that the 受付一覧 can read its order (open first, then by due date) from an index.
    /// </summary>
    public bool IsOpen { get; private set; } = true;

    /// <summary>担当者.</summary>
    public Guid? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }

    /// <summary>起案者: who sent the case up the route this round.</summary>
    public Guid? DrafterId { get; set; }

    /// <summary>The approval route of this case (copied from the procedure's when it was opened), as JSON.</summary>
    public string RouteJson { get; set; } = "[]";

    /// <summary>Route round: grows on every submit-for-approval; decisions of earlier rounds stay in the history.</summary>
    public int RouteRound { get; set; }

    /// <summary>The step waiting for decisions (0-based); equals the step count once every step approved.</summary>
    public int RouteStep { get; set; }

    /// <summary>楽観的排他: grows by one on every change; a write over an older version fails.</summary>
    public int Version { get; set; }

    public bool IsOverdue(DateOnly today) => DueDate is { } due && due < today && Transitions.TransitionTable.IsOpen(Status);
}

/// <summary>履歴: one line of a case's history (every transition, assignment and note).</summary>
public sealed class CaseEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public Guid? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public required string Action { get; set; }
    public CaseStatus FromStatus { get; set; }
    public CaseStatus ToStatus { get; set; }
    public string? Comment { get; set; }
}

/// <summary>内部メモ: a note staff leave on a case (never shown to the applicant).</summary>
public sealed class CaseNote : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public Guid? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";
    public required string Text { get; set; }
}

/// <summary>One automatic check's result (審査の自動化), stored with the case at intake. A flag never decides.</summary>
public sealed class CaseCheckResult : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public int Order { get; set; }
    public required string Kind { get; set; }
    public bool Passed { get; set; }
    public string MessageJa { get; set; } = "";
    public string MessageEn { get; set; } = "";
}

public enum DecisionKind
{
    /// <summary>承認 (代決 when DeputyFor is set).</summary>
    Approved = 0,

    /// <summary>差戻し.</summary>
    SentBack = 1,
}

/// <summary>決裁: who decided on which step, when, in which role, and for whom (代決).</summary>
public sealed class CaseDecision : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid CaseId { get; set; }
    public int Round { get; set; }
    public int Step { get; set; }
    public DecisionKind Kind { get; set; }

    /// <summary>The role the decision was taken in (the step's role; for 代決 the absent approver's role).</summary>
    public required string Role { get; set; }

    public Guid? UserId { get; set; }
    public string UserName { get; set; } = "";

    /// <summary>職名 for the electronic seal (電子印), e.g. 課長.</summary>
    public string? Title { get; set; }

    /// <summary>代決: the role (or person) approved for; null for an ordinary approval.</summary>
    public string? DeputyFor { get; set; }

    public DateTime At { get; set; }
    public string? Comment { get; set; }

    /// <summary>A send-back or withdrawal voids the approvals it undoes; they stay in the history.</summary>
    public bool Voided { get; set; }
}

/// <summary>Per-procedure settings of the cases module: its approval route and automatic checks, as JSON.</summary>
public sealed class ProcedureCaseSettings : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string ProcedureSlug { get; set; }
    public string RouteJson { get; set; } = "[]";
    public string ChecksJson { get; set; } = "[]";
}
