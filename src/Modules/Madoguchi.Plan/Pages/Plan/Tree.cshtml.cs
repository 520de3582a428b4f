using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Madoguchi.Plan.Pages.Plan;

/// <summary>The plan's public progress page: the tree with weighted progress for a fiscal year (evaluated reports only).</summary>
public sealed class TreeModel(MadoguchiDb db, TimeProvider clock) : PlanPageModel(db)
{
    public PlanTree Tree { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, int? year, CancellationToken cancellationToken)
    {
        if (!await LoadPlanAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Tree = await PlanTree.LoadAsync(Db, Plan, PlanQueries.YearOrCurrent(Plan, year, clock), ReportVisibility.Accepted, cancellationToken);
        return Page();
    }
}
