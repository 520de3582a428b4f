using System.Text.Json;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Organizations;

namespace Madoguchi.Plan.Progress;

/// <summary>
/// The figures of an ICT strategy council report (ICT戦略会議報告) for one fiscal year, frozen as JSON
/// when the report is issued: overview, per-policy roll-up, per-project table, priority goals with trend.
/// </summary>
public sealed record CouncilSnapshot(
    int FiscalYear, decimal? Overall, int ProjectCount, int ReportedProjects,
    IReadOnlyDictionary<string, int> ReportStates, IReadOnlyDictionary<string, int> Ratings,
    IReadOnlyList<CouncilSnapshot.BranchRow> Branches, IReadOnlyList<CouncilSnapshot.ProjectRow> Projects, IReadOnlyList<CouncilSnapshot.GoalRow> Goals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record BranchRow(string Kind, string Code, string Title, int Depth, decimal? Progress, int ProjectCount, int ReportedCount);

    public sealed record ProjectRow(int Number, string Title, string Department, string State, string Status, int? Progress, string? Rating, string Done, string Issues, string Comment, string NextYearPlanComment);

    public sealed record GoalRow(int Number, string Title, string Unit, decimal Baseline, decimal Target, int TargetFiscalYear, decimal? Latest, int? LatestYear, decimal? Previous, string Trend, decimal? Attainment, bool Stale, bool Illustrative);

    /// <summary>
    /// Builds the figures from the accepted tree (progress counts evaluated reports only), every report
    /// of the year (for the state counts and table), the goals and the lookup tables.
    /// </summary>
    public static CouncilSnapshot Build(PlanTree tree, IReadOnlyList<ProgressReport> allReports, IReadOnlyList<PriorityGoal> goals,
        IReadOnlyDictionary<string, ProgressStatus> statuses, IReadOnlyDictionary<Guid, Department> departments, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(allReports);
        ArgumentNullException.ThrowIfNull(goals);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(departments);

        var branches = new List<BranchRow>();
        void Walk(PlanTreeNode node, int depth)
        {
            if (node.Node.IsProject || depth > 1)
            {
                return;
            }

            branches.Add(new BranchRow(node.Node.Kind.ToString(), node.Node.Code, node.Node.TitleJa, depth, node.Progress, node.ProjectCount, node.ReportedCount));
            foreach (var child in node.Children)
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in tree.Roots)
        {
            Walk(root, 0);
        }

        var reportsByKey = allReports.ToDictionary(r => (r.ProjectId, r.DepartmentId));
        var projects = tree.Projects.SelectMany(p => p.Departments.Select(d => (Project: p, Department: d))).Select(x =>
        {
            var report = reportsByKey.GetValueOrDefault((x.Project.Node.Id, x.Department.Id));
            var written = report is not null && report.StatusCode.Length > 0;
            return new ProjectRow(x.Project.Node.Number ?? 0, x.Project.Node.TitleJa, x.Department.NameJa, report?.State.ToString() ?? "None",
                written && statuses.TryGetValue(report!.StatusCode, out var s) ? s.NameJa : "", written ? report!.ProgressPercent : null,
                report?.Rating?.ToString(), report?.DoneJa ?? "", report?.IssuesJa ?? "", report?.EvaluationCommentJa ?? "", report?.NextYearPlanCommentJa ?? "");
        }).ToList();

        var goalRows = goals.OrderBy(g => g.Number).Select(g =>
        {
            var ordered = g.Measurements.Where(m => m.FiscalYear <= tree.FiscalYear).OrderBy(m => m.MeasuredOn).ToList();
            var latest = ordered.LastOrDefault();
            var previous = ordered.Count > 1 ? ordered[^2] : null;
            var trend = latest is null || previous is null ? "—"
                : latest.Value == previous.Value ? "横ばい"
                : (latest.Value > previous.Value) == g.HigherIsBetter ? "改善" : "悪化";
            return new GoalRow(g.Number, g.TitleJa, g.UnitJa, g.BaselineValue, g.TargetValue, g.TargetFiscalYear, latest?.Value, latest?.FiscalYear,
                previous?.Value, trend, latest is null ? null : g.Attainment(latest.Value), g.IsStale(today), g.IsIllustrative);
        }).ToList();

        return new CouncilSnapshot(tree.FiscalYear, tree.Progress, tree.Projects.Count(), tree.Projects.Count(p => p.ReportedCount > 0),
            allReports.GroupBy(r => r.State.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            allReports.Where(r => r.Rating is not null).GroupBy(r => r.Rating!.Value.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            branches, projects, goalRows);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CouncilSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<CouncilSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty council snapshot.");
}
