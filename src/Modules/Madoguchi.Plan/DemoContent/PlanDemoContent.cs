using Madoguchi.Plan.Model;
using Madoguchi.Plan.Progress;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.DemoContent;

/// <summary>Seeds Musashino's DX plan draft, the previous plan's 42 items, the priority goals and the report statuses.</summary>
internal sealed class PlanDemoContent(TimeProvider clock) : IDemoContent
{
    public async Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow().UtcDateTime;
        await ProgressStatuses.EnsureDefaultsAsync(db, cancellationToken);
        if (await db.Set<CityPlan>().AnyAsync(p => p.Slug == MusashinoDxPlan.Slug, cancellationToken))
        {
            return;
        }

        var departments = await db.Set<Department>().ToDictionaryAsync(d => d.Code, d => d.Id, cancellationToken);
        var plan = new CityPlan
        {
            Id = Guid.NewGuid(),
            Slug = MusashinoDxPlan.Slug,
            TitleJa = MusashinoDxPlan.Title,
            TitleEn = "Musashino City DX Promotion Plan (8th Comprehensive Informatisation Plan, draft)",
            StartFiscalYear = MusashinoDxPlan.StartFiscalYear,
            EndFiscalYear = MusashinoDxPlan.EndFiscalYear,
            VisionJa = MusashinoDxPlan.Vision,
            VisionDetailJa = MusashinoDxPlan.VisionDetail,
            SourceNoteJa = MusashinoDxPlan.SourceNote,
            PreviousPlanTitleJa = MusashinoDxPlan.PreviousPlanTitle,
            UpdatedAt = now,
        };
        db.Add(plan);

        var order = 0;
        void Add(MusashinoDxPlan.Node source, Guid? parentId)
        {
            var node = new PlanNode
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                ParentId = parentId,
                Kind = source.Kind,
                Code = source.Code,
                Number = source.Number,
                TitleJa = source.Title,
                DescriptionJa = source.Description,
                SortOrder = order++,
                RepeatsNumber = source.Repeats,
                AllDepartments = source.AllDepartments,
                ReadingNoteJa = source.Note,
                Schedule = source.Kind == PlanNodeKind.Project ? MusashinoDxPlan.AssumedSchedule(source.Title) : [],
            };
            var sort = 0;
            foreach (var code in source.Departments ?? [])
            {
                if (departments.TryGetValue(code, out var departmentId))
                {
                    node.Departments.Add(new ProjectDepartment
                    {
                        Id = Guid.NewGuid(),
                        ProjectId = node.Id,
                        DepartmentId = departmentId,
                        SortOrder = sort++,
                        Source = source.DepartmentsFromDocument ? AssignmentSource.Document : AssignmentSource.Assumed,
                    });
                }
            }

            db.Add(node);
            foreach (var child in source.Children)
            {
                Add(child, node.Id);
            }
        }

        foreach (var root in MusashinoDxPlan.Tree)
        {
            Add(root, null);
        }

        foreach (var item in MusashinoDxPlan.PreviousItems)
        {
            db.Add(new PreviousPlanItem
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                Number = item.Number,
                PolicyCode = item.Policy,
                PolicyTitleJa = MusashinoDxPlan.PreviousPolicies[item.Policy],
                TitleJa = item.Title,
                DepartmentsJa = item.Departments,
                DepartmentCodes = MusashinoDxPlan.CodesIn(item.Departments),
                Status = item.Status,
                StatusAsOfJa = "令和6年度末時点",
                CarriedOverTo = item.CarriedOverTo,
            });
        }

        foreach (var goal in MusashinoDxPlan.Goals)
        {
            var entity = new PriorityGoal
            {
                Id = Guid.NewGuid(),
                PlanId = plan.Id,
                Number = goal.Number,
                TitleJa = goal.Title,
                DescriptionJa = goal.Description,
                UnitJa = goal.Unit,
                BaselineValue = goal.Baseline,
                BaselineFiscalYear = 2024,
                TargetValue = goal.Target,
                TargetFiscalYear = MusashinoDxPlan.EndFiscalYear,
                IsIllustrative = true,
            };
            entity.Measurements.Add(Measurement(entity, 2024, goal.Baseline, now));
            for (var i = 0; i < goal.History.Length; i++)
            {
                entity.Measurements.Add(Measurement(entity, 2025 + i, goal.History[i], now));
            }

            db.Add(entity);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static GoalMeasurement Measurement(PriorityGoal goal, int fiscalYear, decimal value, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        GoalId = goal.Id,
        FiscalYear = fiscalYear,
        Value = value,
        MeasuredOn = new DateOnly(fiscalYear + 1, 3, 31),
        SourceJa = "デモ用の例示値",
        RecordedBy = "デモデータ",
        RecordedAt = now,
        IsIllustrative = true,
    };
}
