using Madoguchi.Plan.Model;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Plan;

/// <summary>
/// Rows of every Plan and PublicComments entity in both organisations, for the tenancy test: the
/// demo seed lacks reports and council reports; the other organisation has nothing of these modules.
/// </summary>
internal static class TenancySeed
{
    public static async Task SeedAsync(MadoguchiApp app, string otherCode, CancellationToken ct)
    {
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var project = await db.Set<PlanNode>().SingleAsync(n => n.Number == 20, ct);
            var department = await db.Set<Department>().SingleAsync(d => d.Code == "road-management", ct);
            db.Add(new ProgressReport { Id = Guid.NewGuid(), PlanId = project.PlanId, ProjectId = project.Id, DepartmentId = department.Id, FiscalYear = 2026, CreatedAt = DateTime.UtcNow });
            db.Add(new CouncilReport { Id = Guid.NewGuid(), PlanId = project.PlanId, FiscalYear = 2026, SnapshotJson = "{}", IssuedAt = DateTime.UtcNow, IssuedBy = "test" });
            return await db.SaveChangesAsync(ct);
        });

        await app.InOrganizationAsync(otherCode, async (db, _) =>
        {
            var department = await db.Set<Department>().FirstAsync(ct);
            var plan = new CityPlan { Id = Guid.NewGuid(), Slug = "dx-2026", TitleJa = "三鷹市DX計画", StartFiscalYear = 2026, EndFiscalYear = 2030 };
            var project = new PlanNode { Id = Guid.NewGuid(), PlanId = plan.Id, Kind = PlanNodeKind.Project, Code = "1", Number = 1, TitleJa = "事業" };
            project.Departments.Add(new ProjectDepartment { Id = Guid.NewGuid(), ProjectId = project.Id, DepartmentId = department.Id });
            var goal = new PriorityGoal { Id = Guid.NewGuid(), PlanId = plan.Id, Number = 1, TitleJa = "目標", UnitJa = "%", TargetFiscalYear = 2030 };
            goal.Measurements.Add(new GoalMeasurement { Id = Guid.NewGuid(), GoalId = goal.Id, FiscalYear = 2025, Value = 1, SourceJa = "s", RecordedBy = "r", MeasuredOn = new DateOnly(2026, 3, 31) });
            db.AddRange(plan, project, goal);
            db.Add(new PreviousPlanItem { Id = Guid.NewGuid(), PlanId = plan.Id, Number = 1, PolicyCode = "Ⅰ", PolicyTitleJa = "p", TitleJa = "t", DepartmentsJa = "d" });
            db.Add(new ProgressStatus { Id = Guid.NewGuid(), Code = "done", NameJa = "完了", ImpliedProgress = 100 });
            db.Add(new ProgressReport { Id = Guid.NewGuid(), PlanId = plan.Id, ProjectId = project.Id, DepartmentId = department.Id, FiscalYear = 2026, CreatedAt = DateTime.UtcNow });
            db.Add(new CouncilReport { Id = Guid.NewGuid(), PlanId = plan.Id, FiscalYear = 2026, SnapshotJson = "{}", IssuedAt = DateTime.UtcNow, IssuedBy = "test" });

            var process = new PublicCommentProcess { Id = Guid.NewGuid(), Slug = "dx-plan-draft", ReceiptPrefix = "MT", TitleJa = "三鷹の意見募集", DepartmentId = department.Id, ReceivedBy = new DateOnly(2026, 1, 5) };
            var section = new DraftSection { Id = Guid.NewGuid(), ProcessId = process.Id, Number = 1, HeadingJa = "第1章" };
            var group = new OpinionGroup { Id = Guid.NewGuid(), ProcessId = process.Id, Number = 1, SummaryJa = "概要" };
            db.AddRange(process, section, group);
            db.Add(new Opinion { Id = Guid.NewGuid(), ProcessId = process.Id, Sequence = 1, ReceiptNumber = "MT-0001", SectionId = section.Id, GroupId = group.Id, Body = "意見", ReceivedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync(ct);
        });
    }
}
