using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Progress;

/// <summary>Which reports count in the figures: the public sees evaluated ones; staff also see those awaiting evaluation.</summary>
public enum ReportVisibility
{
    /// <summary>Accepted (evaluated) reports only: what the city publishes.</summary>
    Accepted = 0,

    /// <summary>Submitted and accepted reports: what the IT policy division works with.</summary>
    SubmittedOrAccepted = 1,
}

/// <summary>A node of the plan tree with its progress for one fiscal year.</summary>
public sealed class PlanTreeNode
{
    public required PlanNode Node { get; init; }
    public List<PlanTreeNode> Children { get; } = [];

    /// <summary>Departments of a project, in order (lead first).</summary>
    public List<Department> Departments { get; } = [];

    /// <summary>Whether any department was assumed for the demo rather than stated by the plan.</summary>
    public bool DepartmentsAssumed { get; set; }

    /// <summary>Reports of this project in the fiscal year that count (see <see cref="ReportVisibility"/>).</summary>
    public List<ProgressReport> Reports { get; } = [];

    /// <summary>Progress 0–100 for the fiscal year; null for a branch without any project.</summary>
    public decimal? Progress { get; set; }

    /// <summary>Number of projects below (or 1 for a project).</summary>
    public int ProjectCount { get; set; }

    /// <summary>Projects below with at least one counted report.</summary>
    public int ReportedCount { get; set; }

    public IEnumerable<PlanTreeNode> Descendants() => Children.SelectMany(c => c.Descendants().Prepend(c));
}

/// <summary>
/// Loads a plan's tree and rolls progress up (ADR 0020): a project's progress is the mean of its
/// departments' counted reports for the fiscal year (0 when none has reported); a parent's progress
/// is the weighted mean of its children that contain projects (Decidim's weighted roll-up).
/// </summary>
public sealed class PlanTree
{
    private PlanTree(CityPlan plan, int fiscalYear, List<PlanTreeNode> roots, Dictionary<Guid, PlanTreeNode> byId)
    {
        Plan = plan;
        FiscalYear = fiscalYear;
        Roots = roots;
        ById = byId;
    }

    public CityPlan Plan { get; }
    public int FiscalYear { get; }
    public IReadOnlyList<PlanTreeNode> Roots { get; }
    public IReadOnlyDictionary<Guid, PlanTreeNode> ById { get; }

    public IEnumerable<PlanTreeNode> All => Roots.SelectMany(r => r.Descendants().Prepend(r));

    public IEnumerable<PlanTreeNode> Projects => All.Where(n => n.Node.IsProject).OrderBy(n => n.Node.Number);

    /// <summary>The whole plan's progress: weighted mean of the roots that contain projects.</summary>
    public decimal? Progress => WeightedMean(Roots);

    public PlanTreeNode? Project(int number) => Projects.FirstOrDefault(p => p.Node.Number == number);

    /// <summary>The path from the root to a node (for breadcrumbs and the CSV's columns).</summary>
    public IReadOnlyList<PlanTreeNode> PathTo(PlanTreeNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = new List<PlanTreeNode>();
        for (var current = node; current is not null; current = current.Node.ParentId is { } parent ? ById.GetValueOrDefault(parent) : null)
        {
            path.Insert(0, current);
        }

        return path;
    }

    public static async Task<CityPlan?> FindPlanAsync(MadoguchiDb db, string slug, bool includeUnpublished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<CityPlan>().AsNoTracking()
            .FirstOrDefaultAsync(p => p.Slug == slug && (includeUnpublished || p.IsPublished), cancellationToken);
    }

    public static async Task<PlanTree> LoadAsync(MadoguchiDb db, CityPlan plan, int fiscalYear, ReportVisibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = await db.Set<PlanNode>().AsNoTracking().Include(n => n.Departments)
            .Where(n => n.PlanId == plan.Id).ToListAsync(cancellationToken);
        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        var reports = await db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.PlanId == plan.Id && r.FiscalYear == fiscalYear)
            .Where(r => r.State == ReportState.Accepted || (visibility == ReportVisibility.SubmittedOrAccepted && r.State == ReportState.Submitted))
            .ToListAsync(cancellationToken);
        return Build(plan, fiscalYear, nodes, departments, reports);
    }

    /// <summary>Builds the tree from loaded rows (also used directly by tests of the roll-up).</summary>
    public static PlanTree Build(CityPlan plan, int fiscalYear, IEnumerable<PlanNode> nodes, IReadOnlyDictionary<Guid, Department> departments, IEnumerable<ProgressReport> reports)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(departments);
        var byId = nodes.ToDictionary(n => n.Id, n => new PlanTreeNode { Node = n });
        foreach (var group in reports.GroupBy(r => r.ProjectId))
        {
            if (byId.TryGetValue(group.Key, out var project))
            {
                project.Reports.AddRange(group);
            }
        }

        var roots = new List<PlanTreeNode>();
        foreach (var node in byId.Values.OrderBy(n => n.Node.SortOrder).ThenBy(n => n.Node.Number))
        {
            foreach (var link in node.Node.Departments.OrderBy(d => d.SortOrder))
            {
                if (departments.TryGetValue(link.DepartmentId, out var department))
                {
                    node.Departments.Add(department);
                }

                node.DepartmentsAssumed |= link.Source == AssignmentSource.Assumed;
            }

            if (node.Node.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent))
            {
                parent.Children.Add(node);
            }
            else
            {
                roots.Add(node);
            }
        }

        foreach (var root in roots)
        {
            Roll(root);
        }

        return new PlanTree(plan, fiscalYear, roots, byId);
    }

    private static void Roll(PlanTreeNode node)
    {
        foreach (var child in node.Children)
        {
            Roll(child);
        }

        if (node.Node.IsProject)
        {
            node.ProjectCount = 1;
            node.ReportedCount = node.Reports.Count > 0 ? 1 : 0;
            node.Progress = node.Reports.Count == 0 ? 0 : Math.Round((decimal)node.Reports.Average(r => r.ProgressPercent), 1);
            return;
        }

        node.ProjectCount = node.Children.Sum(c => c.ProjectCount);
        node.ReportedCount = node.Children.Sum(c => c.ReportedCount);
        node.Progress = WeightedMean(node.Children);
    }

    private static decimal? WeightedMean(IEnumerable<PlanTreeNode> children)
    {
        var counted = children.Where(c => c.Progress is not null && c.Node.Weight > 0).ToList();
        var weights = counted.Sum(c => c.Node.Weight);
        return weights == 0 ? null : Math.Round(counted.Sum(c => c.Progress!.Value * c.Node.Weight) / weights, 1);
    }
}
