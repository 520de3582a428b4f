using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Pages.Plan;

/// <summary>One project: its place in the tree, departments, schedule, evaluated reports, and the previous items it continues.</summary>
public sealed class ProjectModel(MadoguchiDb db, TimeProvider clock) : PlanPageModel(db)
{
    private Dictionary<Guid, Department> _departments = [];
    private Dictionary<string, ProgressStatus> _statuses = [];

    public PlanTree Tree { get; private set; } = null!;
    public PlanTreeNode Project { get; private set; } = null!;
    public IReadOnlyList<PlanTreeNode> Path { get; private set; } = [];
    public IReadOnlyList<ProgressReport> Reports { get; private set; } = [];
    public IReadOnlyList<PreviousPlanItem> CarriedFrom { get; private set; } = [];

    public string DepartmentName(Guid id) => _departments.TryGetValue(id, out var d) ? (English ? d.NameEn : d.NameJa) : "";

    public string StatusName(string code) => _statuses.TryGetValue(code, out var s) ? s.Name(English) : code;

    public async Task<IActionResult> OnGetAsync(string slug, int number, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadPlanAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Tree = await PlanTree.LoadAsync(Db, Plan, PlanQueries.YearOrCurrent(Plan, year, clock), ReportVisibility.Accepted, cancellationToken);
        if (Tree.Project(number) is not { } project)
        {
            return NotFound();
        }

        Project = project;
        Path = Tree.PathTo(project);
        Reports = await Db.Set<ProgressReport>().AsNoTracking()
            .Where(r => r.ProjectId == project.Node.Id && r.State == ReportState.Accepted)
            .OrderByDescending(r => r.FiscalYear).ToListAsync(cancellationToken);
        CarriedFrom = await Db.Set<PreviousPlanItem>().AsNoTracking()
            .Where(i => i.PlanId == Plan.Id && i.CarriedOverTo == number).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        _departments = await Db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        _statuses = await PlanQueries.StatusesAsync(Db, cancellationToken);
        return Page();
    }
}
