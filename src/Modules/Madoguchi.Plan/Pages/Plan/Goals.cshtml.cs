using System.Globalization;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Plan.Pages.Plan;

/// <summary>重点目標: each KPI with baseline, target, measurements, a server-rendered chart with a table beside it, and staleness.</summary>
public sealed class GoalsModel(MadoguchiDb db, TimeProvider clock, IStringLocalizer<PlanResource> t) : PlanPageModel(db)
{
    public IReadOnlyList<PriorityGoal> Goals { get; private set; } = [];

    public DateOnly Today { get; } = FiscalYears.TodayInJapan(clock);

    public static string Value(decimal value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    /// <summary>What the chart shows, in words, for screen readers.</summary>
    public string ChartDescription(PriorityGoal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var values = string.Join(English ? ", " : "、", goal.Measurements.OrderBy(m => m.MeasuredOn).Select(m => $"{YearName(m.FiscalYear)} {Value(m.Value)}{goal.UnitJa}"));
        return t["GoalChartDescription", values, Value(goal.TargetValue) + goal.UnitJa, YearName(goal.TargetFiscalYear)].Value;
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadPlanAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        Goals = await PlanQueries.GoalsAsync(Db, Plan.Id, cancellationToken);
        return Page();
    }
}
