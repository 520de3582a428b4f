using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>
/// 進捗管理: the projects the caller's departments report on (all of them for the IT policy
/// division), with the state of each department's report for the fiscal year.
/// </summary>
public sealed class IndexModel(MadoguchiDb db, TimeProvider clock) : StaffPlanModel(db, clock)
{
    public sealed record Row(PlanTreeNode Project, Department Department, ProgressReport? Report, bool CanWrite);

    public int Year { get; private set; }
    public PlanTree Tree { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CouncilIssued { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            // An organisation without a plan yet: its system administrator loads one.
            return User.IsInRole(Madoguchi.Platform.Identity.StaffRoles.SystemAdmin) ? Redirect("/staff/plan/import") : NotFound();
        }

        Year = YearOrCurrent(year);
        Tree = await PlanTree.LoadAsync(Db, Plan, Year, ReportVisibility.SubmittedOrAccepted, cancellationToken);
        var reports = await Db.Set<ProgressReport>().AsNoTracking().Where(r => r.PlanId == Plan.Id && r.FiscalYear == Year)
            .ToDictionaryAsync(r => (r.ProjectId, r.DepartmentId), cancellationToken);
        Rows = [.. Tree.Projects
            .SelectMany(p => p.Departments.Select(d => new Row(p, d, reports.GetValueOrDefault((p.Node.Id, d.Id)), Access.CanWrite(d.Id))))
            .Where(r => Access.CanRead(r.Department.Id))];
        CouncilIssued = await Db.Set<CouncilReport>().AnyAsync(c => c.PlanId == Plan.Id && c.FiscalYear == Year, cancellationToken);
        return Page();
    }
}
