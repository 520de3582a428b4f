using System.Text.Json;
using System.Text.RegularExpressions;
using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Export;

/// <summary>A problem in an imported document: where (JSON path), what (resource key <c>ImportError_{Code}</c>) and its arguments.</summary>
public sealed record ImportProblem(string Path, string Code, params object[] Arguments);

/// <summary>
/// Loads a <see cref="PlanDocument"/> into the current organisation as a new plan. Everything is checked
/// before anything is written: the format, a free slug, the period, a well-formed tree (codes and titles,
/// positive weights, depth), project numbers unique, departments existing by code, references (再掲,
/// and previous items well-formed. Problems carry the JSON path they concern.
/// </summary>
public static partial class PlanImport
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxDepth = 8;

    private static readonly JsonSerializerOptions ReadOptions = new(PlanDocument.JsonOptions)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads and checks a document; the document is null when there are problems.</summary>
    public static async Task<(PlanDocument? Document, IReadOnlyList<ImportProblem> Problems)> ReadAsync(MadoguchiDb db, Stream json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        PlanDocument? document;
        try
        {
            document = await JsonSerializer.DeserializeAsync<PlanDocument>(json, ReadOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, [new ImportProblem(e.Path ?? "$", "Syntax", (e.LineNumber ?? 0) + 1)]);
        }

        if (document is null)
        {
            return (null, [new ImportProblem("$", "Empty")]);
        }

        var problems = await CheckAsync(db, document, cancellationToken);
        return (problems.Count == 0 ? document : null, problems);
    }

    public static async Task<List<ImportProblem>> CheckAsync(MadoguchiDb db, PlanDocument d, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(d);
        var problems = new List<ImportProblem>();
        void Require(bool ok, string path, string code, params object[] arguments)
        {
            if (!ok)
            {
                problems.Add(new ImportProblem(path, code, arguments));
            }
        }

        Require(d.Format == PlanDocument.CurrentFormat, "$.format", "Format", PlanDocument.CurrentFormat);
        Require(SlugPattern().IsMatch(d.Slug), "$.slug", "Slug");
        Require(!await db.Set<CityPlan>().AnyAsync(p => p.Slug == d.Slug, cancellationToken), "$.slug", "SlugTaken", d.Slug);
        Require(Text(d.TitleJa, 300), "$.titleJa", "Text", 300);
        Require(d.TitleEn.Length <= 300, "$.titleEn", "TooLong", 300);
        Require(d.StartFiscalYear is >= 2000 and <= 2100, "$.startFiscalYear", "Year");
        Require(d.EndFiscalYear >= d.StartFiscalYear && d.EndFiscalYear <= d.StartFiscalYear + 20, "$.endFiscalYear", "Period");
        Require(d.VisionJa.Length <= 500 && d.VisionDetailJa.Length <= 2000 && d.SourceNoteJa.Length <= 4000 && d.PreviousPlanTitleJa.Length <= 300, "$", "TooLongPlanText");
        Require(d.Nodes.Count > 0, "$.nodes", "NoNodes");

        var departments = (await db.Set<Department>().AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var numbers = new Dictionary<int, string>();
        var repeats = new List<(string Path, int Number)>();
        void Node(PlanDocumentNode n, string path, int depth)
        {
            Require(depth <= MaxDepth, path, "Depth", MaxDepth);
            Require(Text(n.Code, 20), path + ".code", "Text", 20);
            Require(Text(n.TitleJa, 500), path + ".titleJa", "Text", 500);
            Require(n.TitleEn.Length <= 500 && n.DescriptionJa.Length <= 4000 && n.ReadingNoteJa.Length <= 1000, path, "TooLongNodeText");
            Require(n.Weight > 0 && n.Weight <= 1000, path + ".weight", "Weight");
            if (n.Kind == PlanNodeKind.Project)
            {
                Require(n.Number is > 0, path + ".number", "ProjectNumber");
                Require(n.Children.Count == 0, path + ".children", "ProjectChildren");
            }
            else
            {
                Require(n.Number is null, path + ".number", "NumberOnlyProjects");
            }

            if (n.Number is { } number)
            {
                if (numbers.TryGetValue(number, out var first))
                {
                    problems.Add(new ImportProblem(path + ".number", "NumberTwice", number, first));
                }
                else
                {
                    numbers[number] = path;
                }
            }

            if (n.RepeatsNumber is { } repeated)
            {
                repeats.Add((path + ".repeatsNumber", repeated));
            }

            for (var i = 0; i < n.Departments.Count; i++)
            {
                Require(departments.Contains(n.Departments[i].Code), $"{path}.departments[{i}].code", "Department", n.Departments[i].Code);
            }

            Require(n.Departments.Select(x => x.Code).Distinct(StringComparer.Ordinal).Count() == n.Departments.Count, path + ".departments", "DepartmentTwice");
            for (var i = 0; i < n.Schedule.Count; i++)
            {
                Require(n.Schedule[i].FiscalYear >= d.StartFiscalYear && n.Schedule[i].FiscalYear <= d.EndFiscalYear && n.Schedule[i].PhaseJa.Length <= 100,
                    $"{path}.schedule[{i}]", "Schedule", d.StartFiscalYear, d.EndFiscalYear);
            }

            for (var i = 0; i < n.Children.Count; i++)
            {
                Node(n.Children[i], $"{path}.children[{i}]", depth + 1);
            }
        }

        for (var i = 0; i < d.Nodes.Count; i++)
        {
            Node(d.Nodes[i], $"$.nodes[{i}]", 1);
        }

        foreach (var (path, number) in repeats)
        {
            Require(numbers.ContainsKey(number), path, "UnknownProject", number);
        }

        var goalNumbers = new HashSet<int>();
        for (var i = 0; i < d.Goals.Count; i++)
        {
            var g = d.Goals[i];
            var path = $"$.goals[{i}]";
            Require(goalNumbers.Add(g.Number) && g.Number > 0, path + ".number", "GoalNumber", g.Number);
            Require(Text(g.TitleJa, 300) && Text(g.UnitJa, 20), path, "GoalText");
            Require(g.MeasurementIntervalMonths is >= 1 and <= 120, path + ".measurementIntervalMonths", "Interval");
        }

        var itemNumbers = new HashSet<int>();
        for (var i = 0; i < d.PreviousItems.Count; i++)
        {
            var item = d.PreviousItems[i];
            var path = $"$.previousItems[{i}]";
            Require(itemNumbers.Add(item.Number) && item.Number > 0, path + ".number", "ItemNumber", item.Number);
            Require(Text(item.TitleJa, 500) && Text(item.PolicyCode, 10), path, "ItemText");
            // The carry-over may name a project the file does not list (Musashino's draft details only policies Ⅰ–Ⅱ).
            Require(item.CarriedOverTo is null or > 0, path + ".carriedOverTo", "CarriedOverTo");
        }

        return problems;
    }

    /// <summary>Creates the plan from a checked document in the current organisation; returns it.</summary>
    public static async Task<CityPlan> CreateAsync(MadoguchiDb db, PlanDocument d, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(d);
        var departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(x => x.Code, x => x.Id, StringComparer.Ordinal, cancellationToken);
        var plan = new CityPlan
        {
            Id = Guid.NewGuid(),
            Slug = d.Slug,
            TitleJa = d.TitleJa,
            TitleEn = d.TitleEn,
            StartFiscalYear = d.StartFiscalYear,
            EndFiscalYear = d.EndFiscalYear,
            VisionJa = d.VisionJa,
            VisionDetailJa = d.VisionDetailJa,
            SourceNoteJa = d.SourceNoteJa,
            PreviousPlanTitleJa = d.PreviousPlanTitleJa,
            UpdatedAt = now,
        };
        db.Add(plan);

        void Add(IReadOnlyList<PlanDocumentNode> nodes, Guid? parent)
        {
            for (var i = 0; i < nodes.Count; i++)
            {
                var n = nodes[i];
                var node = new PlanNode
                {
                    Id = Guid.NewGuid(),
                    PlanId = plan.Id,
                    ParentId = parent,
                    Kind = n.Kind,
                    Code = n.Code,
                    Number = n.Number,
                    TitleJa = n.TitleJa,
                    TitleEn = n.TitleEn,
                    DescriptionJa = n.DescriptionJa,
                    SortOrder = i + 1,
                    Weight = n.Weight,
                    RepeatsNumber = n.RepeatsNumber,
                    AllDepartments = n.AllDepartments,
                    ReadingNoteJa = n.ReadingNoteJa,
                    Schedule = [.. n.Schedule],
                };
                node.Departments = [.. n.Departments.Select((x, j) => new ProjectDepartment { Id = Guid.NewGuid(), ProjectId = node.Id, DepartmentId = departments[x.Code], SortOrder = j + 1, Source = x.Source })];
                db.Add(node);
                Add(n.Children, node.Id);
            }
        }

        Add(d.Nodes, null);
        foreach (var g in d.Goals)
        {
            db.Add(new PriorityGoal
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                Number = g.Number,
                TitleJa = g.TitleJa,
                TitleEn = g.TitleEn,
                DescriptionJa = g.DescriptionJa,
                UnitJa = g.UnitJa,
                BaselineValue = g.BaselineValue,
                BaselineFiscalYear = g.BaselineFiscalYear,
                TargetValue = g.TargetValue,
                TargetFiscalYear = g.TargetFiscalYear,
                HigherIsBetter = g.HigherIsBetter,
                MeasurementIntervalMonths = g.MeasurementIntervalMonths,
                IsIllustrative = g.IsIllustrative,
            });
        }

        foreach (var item in d.PreviousItems)
        {
            db.Add(new PreviousPlanItem
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                Number = item.Number,
                PolicyCode = item.PolicyCode,
                PolicyTitleJa = item.PolicyTitleJa,
                TitleJa = item.TitleJa,
                DepartmentsJa = item.DepartmentsJa,
                DepartmentCodes = [.. item.DepartmentCodes],
                Status = item.Status,
                StatusAsOfJa = item.StatusAsOfJa,
                CarriedOverTo = item.CarriedOverTo,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await ProgressStatuses.EnsureDefaultsAsync(db, cancellationToken);
        return plan;
    }

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,60}$")]
    private static partial Regex SlugPattern();
}
