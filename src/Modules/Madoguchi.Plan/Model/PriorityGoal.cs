using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Plan.Model;

/// <summary>重点目標: a measurable priority goal (KPI) of a plan, with baseline and target.</summary>
public sealed class PriorityGoal : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PlanId { get; set; }

    public int Number { get; set; }

    public required string TitleJa { get; set; }
    public string TitleEn { get; set; } = "";

    public string DescriptionJa { get; set; } = "";

    /// <summary>Unit as shown, e.g. %, 件, 人.</summary>
    public required string UnitJa { get; set; }

    public decimal BaselineValue { get; set; }
    public int BaselineFiscalYear { get; set; }

    public decimal TargetValue { get; set; }

    /// <summary>The target is for the end of this fiscal year (令和12年度末 = 2030).</summary>
    public int TargetFiscalYear { get; set; }

    /// <summary>True when a higher value is better.</summary>
    public bool HigherIsBetter { get; set; } = true;

    /// <summary>How often it is measured; a goal whose last measurement is older than this (plus a grace month) is stale.</summary>
    public int MeasurementIntervalMonths { get; set; } = 12;

    /// <summary>The goal is an example for the demo, not a figure from the plan document.</summary>
    public bool IsIllustrative { get; set; }

    public List<GoalMeasurement> Measurements { get; set; } = [];

    public string Title(bool english) => english && TitleEn.Length > 0 ? TitleEn : TitleJa;

    /// <summary>Share of the way from baseline to target reached by <paramref name="value"/>, 0–100 (clamped).</summary>
    public decimal Attainment(decimal value)
    {
        var span = TargetValue - BaselineValue;
        if (span == 0)
        {
            return value == TargetValue ? 100 : 0;
        }

        return Math.Clamp(Math.Round((value - BaselineValue) / span * 100, 1), 0, 100);
    }

    public GoalMeasurement? Latest => Measurements.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.RecordedAt).FirstOrDefault();

    /// <summary>Overdue: no measurement within the interval plus one month before <paramref name="today"/>.</summary>
    public bool IsStale(DateOnly today)
    {
        var last = Latest?.MeasuredOn;
        return last is null || last.Value.AddMonths(MeasurementIntervalMonths + 1) < today;
    }
}

/// <summary>One measurement of a priority goal: the value, when it was measured, where it comes from, who recorded it.</summary>
public sealed class GoalMeasurement : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid GoalId { get; set; }

    public int FiscalYear { get; set; }
    public decimal Value { get; set; }
    public DateOnly MeasuredOn { get; set; }

    /// <summary>出典: where the figure comes from.</summary>
    public required string SourceJa { get; set; }

    public required string RecordedBy { get; set; }
    public DateTime RecordedAt { get; set; }

    /// <summary>An example value for the demo, not a real measurement.</summary>
    public bool IsIllustrative { get; set; }
}
