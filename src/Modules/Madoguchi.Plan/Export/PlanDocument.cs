using System.Text.Json;
using System.Text.Json.Serialization;
using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Export;

/// <summary>
/// A whole plan as one JSON document (計画の入出力), so that another city can load its own plan: the
/// plan, its tree (基本方針 → 施策 → 取組み → 事業, any depth) with departments by code and schedules,
/// the priority goals' definitions (not their measurements) and the previous plan's items. No ids:
/// nodes are nested, departments named by code, so the document moves between organisations.
/// </summary>
public sealed record PlanDocument(
    string Format, string Slug, string TitleJa, string TitleEn, int StartFiscalYear, int EndFiscalYear,
    string VisionJa, string VisionDetailJa, string SourceNoteJa, string PreviousPlanTitleJa,
    IReadOnlyList<PlanDocumentNode> Nodes, IReadOnlyList<PlanDocumentGoal> Goals, IReadOnlyList<PlanDocumentPreviousItem> PreviousItems)
{
    public const string CurrentFormat = "madoguchi-plan/1";

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static async Task<PlanDocument> ExportAsync(MadoguchiDb db, CityPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        var nodes = await db.Set<PlanNode>().AsNoTracking().Include(n => n.Departments).Where(n => n.PlanId == plan.Id).ToListAsync(cancellationToken);
        var codes = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code, cancellationToken);
        var children = nodes.ToLookup(n => n.ParentId);
        List<PlanDocumentNode> Tree(Guid? parent) => [.. children[parent].OrderBy(n => n.SortOrder).ThenBy(n => n.Code, StringComparer.Ordinal).Select(n => new PlanDocumentNode(
            n.Kind, n.Code, n.Number, n.TitleJa, n.TitleEn, n.DescriptionJa, n.Weight, n.RepeatsNumber, n.AllDepartments, n.ReadingNoteJa,
            [.. n.Schedule.OrderBy(s => s.FiscalYear)],
            [.. n.Departments.OrderBy(d => d.SortOrder).Select(d => new PlanDocumentDepartment(codes[d.DepartmentId], d.Source))],
            Tree(n.Id)))];
        var goals = await db.Set<PriorityGoal>().AsNoTracking().Where(g => g.PlanId == plan.Id).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        var items = await db.Set<PreviousPlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Number).ToListAsync(cancellationToken);
        return new PlanDocument(CurrentFormat, plan.Slug, plan.TitleJa, plan.TitleEn, plan.StartFiscalYear, plan.EndFiscalYear,
            plan.VisionJa, plan.VisionDetailJa, plan.SourceNoteJa, plan.PreviousPlanTitleJa, Tree(null),
            [.. goals.Select(g => new PlanDocumentGoal(g.Number, g.TitleJa, g.TitleEn, g.DescriptionJa, g.UnitJa, g.BaselineValue, g.BaselineFiscalYear,
                g.TargetValue, g.TargetFiscalYear, g.HigherIsBetter, g.MeasurementIntervalMonths, g.IsIllustrative))],
            [.. items.Select(i => new PlanDocumentPreviousItem(i.Number, i.PolicyCode, i.PolicyTitleJa, i.TitleJa, i.DepartmentsJa, [.. i.DepartmentCodes],
                i.Status, i.StatusAsOfJa, i.CarriedOverTo))]);
    }
}

public sealed record PlanDocumentNode(
    PlanNodeKind Kind, string Code, int? Number, string TitleJa, string TitleEn, string DescriptionJa, decimal Weight,
    int? RepeatsNumber, bool AllDepartments, string ReadingNoteJa, IReadOnlyList<ScheduleEntry> Schedule,
    IReadOnlyList<PlanDocumentDepartment> Departments, IReadOnlyList<PlanDocumentNode> Children);

public sealed record PlanDocumentDepartment(string Code, AssignmentSource Source);

public sealed record PlanDocumentGoal(
    int Number, string TitleJa, string TitleEn, string DescriptionJa, string UnitJa, decimal BaselineValue, int BaselineFiscalYear,
    decimal TargetValue, int TargetFiscalYear, bool HigherIsBetter, int MeasurementIntervalMonths, bool IsIllustrative);

public sealed record PlanDocumentPreviousItem(
    int Number, string PolicyCode, string PolicyTitleJa, string TitleJa, string DepartmentsJa, IReadOnlyList<string> DepartmentCodes,
    AchievementStatus Status, string StatusAsOfJa, int? CarriedOverTo);
