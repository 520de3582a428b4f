using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Progress;

/// <summary>Reads shared by the pages and the API.</summary>
public static class PlanQueries
{
    /// <summary>The fiscal year asked for, or the current one, kept inside the plan's period.</summary>
    public static int YearOrCurrent(CityPlan plan, int? asked, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var year = asked ?? FiscalYears.Of(clock.GetUtcNow());
        return Math.Clamp(year, plan.StartFiscalYear, plan.EndFiscalYear);
    }

    public static async Task<Dictionary<string, ProgressStatus>> StatusesAsync(MadoguchiDb db, CancellationToken cancellationToken) =>
        await db.Set<ProgressStatus>().AsNoTracking().ToDictionaryAsync(s => s.Code, cancellationToken);

    public static async Task<List<PriorityGoal>> GoalsAsync(MadoguchiDb db, Guid planId, CancellationToken cancellationToken) =>
        await db.Set<PriorityGoal>().AsNoTracking().Include(g => g.Measurements)
            .Where(g => g.PlanId == planId).OrderBy(g => g.Number).ToListAsync(cancellationToken);

    public static async Task<List<PreviousPlanItem>> PreviousItemsAsync(MadoguchiDb db, Guid planId, CancellationToken cancellationToken) =>
        await db.Set<PreviousPlanItem>().AsNoTracking().Where(i => i.PlanId == planId).OrderBy(i => i.Number).ToListAsync(cancellationToken);
}
