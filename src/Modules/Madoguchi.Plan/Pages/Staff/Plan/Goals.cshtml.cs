using System.Globalization;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>The IT policy division records measurements of the priority goals: value, date, source; who and when are recorded.</summary>
public sealed class GoalsModel(MadoguchiDb db, TimeProvider clock, IStringLocalizer<PlanResource> t) : StaffPlanModel(db, clock)
{
    public IReadOnlyList<PriorityGoal> Goals { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Message { get; private set; }
    public DateOnly Today => FiscalYears.TodayInJapan(Clock);

    [BindProperty] public int GoalNumber { get; set; }
    [BindProperty] public int FiscalYear { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? MeasuredOn { get; set; }
    [BindProperty] public string? Source { get; set; }

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken cancellationToken)
    {
        if (await LoadGoalsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        Message = done == "recorded" ? t["GoalRecorded"].Value : null;
        FiscalYear = CurrentYear;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadGoalsAsync(cancellationToken) is { } refused)
        {
            return refused;
        }

        var goal = Goals.FirstOrDefault(g => g.Number == GoalNumber);
        if (goal is null)
        {
            Errors["GoalNumber"] = t["ErrorGoalRequired"];
        }

        if (FiscalYear < 2000 || FiscalYear > CurrentYear)
        {
            Errors["FiscalYear"] = t["ErrorGoalYear"];
        }

        if (!decimal.TryParse(Value?.Trim().Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            Errors["Value"] = t["ErrorGoalValue"];
        }

        if (!DateOnly.TryParseExact(MeasuredOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var measuredOn) || measuredOn > Today)
        {
            Errors["MeasuredOn"] = t["ErrorGoalDate"];
        }

        if (string.IsNullOrWhiteSpace(Source) || Source.Length > 500)
        {
            Errors["Source"] = t["ErrorGoalSource"];
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Db.Add(new GoalMeasurement
        {
            Id = Guid.NewGuid(),
            GoalId = goal!.Id,
            FiscalYear = FiscalYear,
            Value = value,
            MeasuredOn = measuredOn,
            SourceJa = Source!.Trim(),
            RecordedBy = Access.Actor,
            RecordedAt = Clock.GetUtcNow().UtcDateTime,
        });
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect("/staff/plan/goals?done=recorded");
    }

    private async Task<IActionResult?> LoadGoalsAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!Access.CanEvaluate)
        {
            return Forbid();
        }

        Goals = await PlanQueries.GoalsAsync(Db, Plan.Id, cancellationToken);
        return null;
    }
}
