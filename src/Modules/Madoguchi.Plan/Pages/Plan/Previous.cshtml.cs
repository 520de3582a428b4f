using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Pages.Plan;

/// <summary>付録: the previous plan's items, their final status and the new project each continues as.</summary>
public sealed class PreviousModel(MadoguchiDb db) : PlanPageModel(db)
{
    public IReadOnlyList<PreviousPlanItem> Items { get; private set; } = [];
    public IReadOnlySet<int> ProjectNumbers { get; private set; } = new HashSet<int>();
    public int MaxProjectNumber => ProjectNumbers.Count == 0 ? 0 : ProjectNumbers.Max();

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadPlanAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Items = await PlanQueries.PreviousItemsAsync(Db, Plan.Id, cancellationToken);
        var numbers = await Db.Set<PlanNode>().AsNoTracking().Where(n => n.PlanId == Plan.Id && n.Number != null).Select(n => n.Number!.Value).ToListAsync(cancellationToken);
        ProjectNumbers = numbers.ToHashSet();
        return Page();
    }
}
