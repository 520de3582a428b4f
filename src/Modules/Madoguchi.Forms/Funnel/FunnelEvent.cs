using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Funnel;

/// <summary>
/// One step of the application funnel, for analytics: never personal data, never a typed value.
/// A random per-draft id (not the draft's id or token) links the events of one attempt.
/// </summary>
public sealed class FunnelEvent : ITenantOwned, IAuditExempt
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    public required string ProcedureSlug { get; set; }

    public int FormVersion { get; set; }

    public FunnelEventKind Kind { get; set; }

    /// <summary>Step id for step events; field path (with indices removed) for validation failures.</summary>
    public string? Step { get; set; }

    public string? Field { get; set; }

    /// <summary>Random id of the attempt (not linkable to the draft or the person).</summary>
    public Guid? Attempt { get; set; }

    public DateTime OccurredAt { get; set; }
}

public enum FunnelEventKind
{
    /// <summary>The form's start page was shown.</summary>
    View = 0,

    /// <summary>A draft was started.</summary>
    Start = 1,

    StepCompleted = 2,

    /// <summary>A field failed validation (field path only).</summary>
    ValidationFailed = 3,

    /// <summary>A draft was left unsubmitted past the idle timeout and not resumed within a day.</summary>
    Abandoned = 4,

    /// <summary>Submitted online (web or API): the online-rate numerator.</summary>
    Submitted = 5,

    /// <summary>Entered by staff at the counter (書かない窓口): counted apart from online submissions.</summary>
    CounterSubmitted = 6,
}
