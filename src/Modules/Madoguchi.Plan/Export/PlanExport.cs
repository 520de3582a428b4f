using System.Globalization;
using Madoguchi.Plan.Api;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;

namespace Madoguchi.Plan.Export;

/// <summary>The plan's open data as CSV: projects with progress, priority goals with measurements, the previous plan's items.</summary>
public static class PlanExport
{
    public static byte[] ProjectsCsv(PlanTree tree, IReadOnlyDictionary<string, ProgressStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var rows = tree.Projects.Select(p => tree.ToProjectDto(p, statuses, english: false)).Select(p => new string?[]
        {
            p.Number.ToString(CultureInfo.InvariantCulture), p.Policy, p.Measure, p.Initiative, p.Title,
            string.Join("、", p.Departments.Select(d => d.Name)) + (p.AllDepartments ? "、各課" : ""),
            p.Departments.Any(d => d.Assumed) ? "仮設定" : "計画案",
            string.Join(" / ", p.Schedule.Select(s => $"{FiscalYears.Name(s.FiscalYear, false)}:{s.Phase}")),
            FiscalYears.Name(p.FiscalYear, false), Csv.Number(p.Progress), string.Join("、", p.Statuses),
            p.Repeats?.ToString(CultureInfo.InvariantCulture) ?? "",
        });
        return Csv.Write(["事業No", "基本方針", "施策", "取組み", "事業名", "担当課", "担当課の出典", "年度別計画", "年度", "進捗率(%)", "状況", "再掲元No"], rows);
    }

    public static byte[] GoalsCsv(IEnumerable<PriorityGoal> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        var rows = goals.OrderBy(g => g.Number).SelectMany(g => g.Measurements.OrderBy(m => m.MeasuredOn).Select(m => new string?[]
        {
            g.Number.ToString(CultureInfo.InvariantCulture), g.TitleJa, g.UnitJa, Csv.Number(g.BaselineValue), FiscalYears.Name(g.BaselineFiscalYear, false),
            Csv.Number(g.TargetValue), FiscalYears.Name(g.TargetFiscalYear, false), FiscalYears.Name(m.FiscalYear, false), Csv.Number(m.Value),
            m.MeasuredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.SourceJa, m.IsIllustrative ? "例示" : "実測",
        }));
        return Csv.Write(["目標No", "重点目標", "単位", "基準値", "基準年度", "目標値", "目標年度", "測定年度", "測定値", "測定日", "出典", "区分"], rows);
    }

    public static byte[] PreviousItemsCsv(IEnumerable<PreviousPlanItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var rows = items.OrderBy(i => i.Number).Select(i => new string?[]
        {
            i.Number.ToString(CultureInfo.InvariantCulture), $"{i.PolicyCode} {i.PolicyTitleJa}", i.TitleJa, i.DepartmentsJa,
            PlanDtoMapping.StatusJa(i.Status), i.CarriedOverTo is { } n ? $"No.{n}" : "—",
        });
        return Csv.Write(["No", "基本施策", "取組み事項", "担当課", "達成状況（令和6年度末時点）", "本計画への引継ぎ"], rows);
    }
}
