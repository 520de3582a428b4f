using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Plan.Model;

/// <summary>
/// 計画: a plan of the city with a period in fiscal years, e.g. the DX Promotion Plan
/// (DX推進計画, 令和8–12年度). Its content is a tree of <see cref="PlanNode"/>s.
/// (Named CityPlan because <c>Plan</c> is this module's namespace.)
/// </summary>
public sealed class CityPlan : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Stable identifier used in URLs and the API, e.g. <c>dx-2026</c>.</summary>
    public required string Slug { get; set; }

    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";

    /// <summary>First fiscal year (年度, April–March), e.g. 2026 for 令和8年度.</summary>
    public int StartFiscalYear { get; set; }

    /// <summary>Last fiscal year, inclusive, e.g. 2030 for 令和12年度.</summary>
    public int EndFiscalYear { get; set; }

    /// <summary>目指す姿 (vision), one line.</summary>
    public string VisionJa { get; set; } = "";

    /// <summary>The vision's subtitle or explanation.</summary>
    public string VisionDetailJa { get; set; } = "";

    /// <summary>Where the data come from and what was assumed (shown on the public pages).</summary>
    public string SourceNoteJa { get; set; } = "";

    /// <summary>The plan this one succeeds, e.g. 第七次総合情報化基本計画 (its items are <see cref="PreviousPlanItem"/>s).</summary>
    public string PreviousPlanTitleJa { get; set; } = "";

    public bool IsPublished { get; set; } = true;

    public DateTime UpdatedAt { get; set; }

    public string Title(bool english) => english && TitleEn.Length > 0 ? TitleEn : TitleJa;

    public IEnumerable<int> FiscalYears => Enumerable.Range(StartFiscalYear, Math.Max(0, EndFiscalYear - StartFiscalYear + 1));

    public bool Covers(int fiscalYear) => fiscalYear >= StartFiscalYear && fiscalYear <= EndFiscalYear;
}

/// <summary>Level of a node in the plan tree. The tree may be of any depth; the kind is a label, not a rule.</summary>
public enum PlanNodeKind
{
    /// <summary>基本方針.</summary>
    Policy = 0,

    /// <summary>施策.</summary>
    Measure = 1,

    /// <summary>取組み.</summary>
    Initiative = 2,

    /// <summary>事業: numbered, owned by responsible departments, reported on every fiscal year.</summary>
    Project = 3,
}

/// <summary>
/// One node of a plan tree: a basic policy (基本方針), measure (施策), initiative (取組み) or numbered
/// project (事業). Progress is reported on projects and rolled up to parents by <see cref="Weight"/>.
/// </summary>
public sealed class PlanNode : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }
    public Guid? ParentId { get; set; }

    public PlanNodeKind Kind { get; set; }

    /// <summary>The label as the plan prints it: Ⅰ, (1), ①, or the project number.</summary>
    public required string Code { get; set; }

    /// <summary>事業 No.: unique within a plan for projects; null for other nodes.</summary>
    public int? Number { get; set; }

    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";

    public string DescriptionJa { get; set; } = "";

    public int SortOrder { get; set; }

    /// <summary>Weight in the parent's progress roll-up (Decidim's weighted average); 1 by default.</summary>
    public decimal Weight { get; set; } = 1m;

    /// <summary>再掲: the number of the project this one repeats under another measure.</summary>
    public int? RepeatsNumber { get; set; }

    /// <summary>The project concerns every department (各課) besides those listed.</summary>
    public bool AllDepartments { get; set; }

    /// <summary>A reading of the source that is not certain (where the seed's table was ambiguous).</summary>
    public string ReadingNoteJa { get; set; } = "";

    /// <summary>Schedule (事業計画) per fiscal year, e.g. 2026 → 検討.</summary>
    public List<ScheduleEntry> Schedule { get; set; } = [];

    public List<ProjectDepartment> Departments { get; set; } = [];

    public string Title(bool english) => english && TitleEn.Length > 0 ? TitleEn : TitleJa;

    public bool IsProject => Kind == PlanNodeKind.Project;
}

/// <summary>What a project plans to do in one fiscal year.</summary>
public sealed record ScheduleEntry(int FiscalYear, string PhaseJa);

/// <summary>A responsible department (担当課) of a project; the first is the lead.</summary>
public sealed class ProjectDepartment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid DepartmentId { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Where this assignment comes from.</summary>
    public AssignmentSource Source { get; set; }
}

/// <summary>How a fact entered the demo data: from the plan document, or assumed because it says nothing.</summary>
public enum AssignmentSource
{
    /// <summary>Stated by the plan document (or by the carry-over of a previous item that names it).</summary>
    Document = 0,

    /// <summary>Not in the document: an assumption for the demo, shown as such.</summary>
    Assumed = 1,
}
