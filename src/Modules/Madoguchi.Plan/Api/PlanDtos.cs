using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;

namespace Madoguchi.Plan.Api;

public sealed record PlanSummaryDto(string Id, string Title, int StartFiscalYear, int EndFiscalYear, string Vision, int FiscalYear, decimal? Progress, string Url);

public sealed record DepartmentDto(string Code, string Name, bool Assumed);

public sealed record ScheduleDto(int FiscalYear, string Phase);

public sealed record PlanNodeDto(
    string Kind, string Code, int? Number, string Title, decimal Weight, decimal? Progress, int ProjectCount, int ReportedCount,
    IReadOnlyList<DepartmentDto> Departments, IReadOnlyList<PlanNodeDto> Children);

public sealed record PlanTreeDto(
    string Id, string Title, int StartFiscalYear, int EndFiscalYear, string Vision, string VisionDetail, string SourceNote,
    int FiscalYear, decimal? Progress, IReadOnlyList<PlanNodeDto> Nodes);

public sealed record ProjectDto(
    int Number, string Title, string Policy, string Measure, string Initiative, IReadOnlyList<DepartmentDto> Departments, bool AllDepartments,
    IReadOnlyList<ScheduleDto> Schedule, int FiscalYear, decimal? Progress, IReadOnlyList<string> Statuses, int? Repeats, string ReadingNote, string Url);

public sealed record MeasurementDto(int FiscalYear, decimal Value, DateOnly MeasuredOn, string Source, bool Illustrative);

public sealed record GoalDto(
    int Number, string Title, string Description, string Unit, decimal Baseline, int BaselineFiscalYear, decimal Target, int TargetFiscalYear,
    decimal? Latest, decimal? Attainment, bool Stale, bool Illustrative, IReadOnlyList<MeasurementDto> Measurements);

public sealed record PreviousItemDto(int Number, string Policy, string PolicyTitle, string Title, string Departments, string Status, string StatusJa, int? CarriedOverTo);

/// <summary>Maps the plan's entities and trees to the API's records (explicit, no mapper).</summary>
public static class PlanDtoMapping
{
    public static string StatusJa(AchievementStatus status) => status switch
    {
        AchievementStatus.Achieved => "達成",
        AchievementStatus.MostlyAchieved => "概ね達成",
        AchievementStatus.PartlyAchieved => "一部のみ達成",
        _ => "未達成",
    };

    public static string StatusEn(AchievementStatus status) => status switch
    {
        AchievementStatus.Achieved => "Achieved",
        AchievementStatus.MostlyAchieved => "Mostly achieved",
        AchievementStatus.PartlyAchieved => "Partly achieved",
        _ => "Not achieved",
    };

    public static PlanTreeDto ToDto(this PlanTree tree, bool english)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var plan = tree.Plan;
        return new PlanTreeDto(plan.Slug, plan.Title(english), plan.StartFiscalYear, plan.EndFiscalYear, plan.VisionJa, plan.VisionDetailJa, plan.SourceNoteJa,
            tree.FiscalYear, tree.Progress, [.. tree.Roots.Select(r => r.ToDto(english))]);
    }

    public static PlanNodeDto ToDto(this PlanTreeNode node, bool english)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new PlanNodeDto(node.Node.Kind.ToString(), node.Node.Code, node.Node.Number, node.Node.Title(english), node.Node.Weight, node.Progress,
            node.ProjectCount, node.ReportedCount, Departments(node, english), [.. node.Children.Select(c => c.ToDto(english))]);
    }

    public static IReadOnlyList<DepartmentDto> Departments(PlanTreeNode node, bool english)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sources = node.Node.Departments.ToDictionary(d => d.DepartmentId, d => d.Source);
        return [.. node.Departments.Select(d => new DepartmentDto(d.Code, english ? d.NameEn : d.NameJa, sources.GetValueOrDefault(d.Id) == AssignmentSource.Assumed))];
    }

    public static ProjectDto ToProjectDto(this PlanTree tree, PlanTreeNode project, IReadOnlyDictionary<string, ProgressStatus> statuses, bool english)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(statuses);
        var path = tree.PathTo(project);
        string Level(PlanNodeKind kind) => path.FirstOrDefault(n => n.Node.Kind == kind) is { } n ? $"{n.Node.Code} {n.Node.Title(english)}" : "";
        return new ProjectDto(project.Node.Number ?? 0, project.Node.Title(english), Level(PlanNodeKind.Policy), Level(PlanNodeKind.Measure), Level(PlanNodeKind.Initiative),
            Departments(project, english), project.Node.AllDepartments, [.. project.Node.Schedule.Select(s => new ScheduleDto(s.FiscalYear, s.PhaseJa))],
            tree.FiscalYear, project.Progress,
            [.. project.Reports.Select(r => statuses.TryGetValue(r.StatusCode, out var s) ? s.Name(english) : r.StatusCode).Distinct()],
            project.Node.RepeatsNumber, project.Node.ReadingNoteJa, $"/plan/{tree.Plan.Slug}/projects/{project.Node.Number}");
    }

    public static GoalDto ToDto(this PriorityGoal goal, DateOnly today, bool english)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var latest = goal.Latest;
        return new GoalDto(goal.Number, goal.Title(english), goal.DescriptionJa, goal.UnitJa, goal.BaselineValue, goal.BaselineFiscalYear, goal.TargetValue,
            goal.TargetFiscalYear, latest?.Value, latest is null ? null : goal.Attainment(latest.Value), goal.IsStale(today), goal.IsIllustrative,
            [.. goal.Measurements.OrderBy(m => m.MeasuredOn).Select(m => new MeasurementDto(m.FiscalYear, m.Value, m.MeasuredOn, m.SourceJa, m.IsIllustrative))]);
    }

    public static PreviousItemDto ToDto(this PreviousPlanItem item, bool english)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new PreviousItemDto(item.Number, item.PolicyCode, item.PolicyTitleJa, item.TitleJa, item.DepartmentsJa,
            item.Status.ToString(), english ? StatusEn(item.Status) : StatusJa(item.Status), item.CarriedOverTo);
    }
}
