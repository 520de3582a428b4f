using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Pages.Plan;

/// <summary>計画の一覧: the published plans.</summary>
public sealed class IndexModel(MadoguchiDb db) : PlanPageModel(db)
{
    public IReadOnlyList<CityPlan> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Plans = await Db.Set<CityPlan>().AsNoTracking().Where(p => p.IsPublished).OrderByDescending(p => p.StartFiscalYear).ToListAsync(cancellationToken);
}
