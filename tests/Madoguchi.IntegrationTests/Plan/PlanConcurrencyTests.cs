using Madoguchi.Plan.Model;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Plan;

/// <summary>
/// The guarantees the report and council pages rely on, under real concurrency on PostgreSQL: one
/// report per project, department and year; a stale revision never overwrites; one council report per year.
/// </summary>
public sealed class PlanConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MadoguchiApp> StartAsync() =>
        MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });

    private static Task<(Guid PlanId, Guid ProjectId, Guid DepartmentId)> RoadProjectAsync(MadoguchiApp app) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var project = await db.Set<PlanNode>().SingleAsync(n => n.Number == 20, Ct);
            var department = await db.Set<Department>().SingleAsync(d => d.Code == "road-management", Ct);
            return (project.PlanId, project.Id, department.Id);
        });

    /// <summary>Runs <paramref name="count"/> writers at once, each in its own scope; returns how many saved.</summary>
    private static async Task<int> RaceAsync(MadoguchiApp app, int count, Func<MadoguchiDb, int, Task> write)
    {
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(() => app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            await start.WaitAsync(Ct);
            try
            {
                await write(db, i);
                return 1;
            }
            catch (DbUpdateException)
            {
                return 0;
            }
        }), Ct)).ToList();
        start.Release(count);
        return (await Task.WhenAll(tasks)).Sum();
    }

    private static readonly ProgressStatus Studying = new() { Code = "studying", NameJa = "検討中", ImpliedProgress = 20 };

    [Fact]
    public async Task ConcurrentFirstSaves_OfTheSameReport_CreateExactlyOne()
    {
        await using var app = await StartAsync();
        var (planId, projectId, departmentId) = await RoadProjectAsync(app);

        var saved = await RaceAsync(app, 8, async (db, i) =>
        {
            var report = new ProgressReport { Id = Guid.NewGuid(), PlanId = planId, ProjectId = projectId, DepartmentId = departmentId, FiscalYear = 2026, CreatedAt = DateTime.UtcNow };
            report.Edit(new ReportContent(null, $"writer {i}", "", "plan", ""), Studying, $"writer {i}", DateTime.UtcNow);
            db.Add(report);
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(1, saved);
        Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<ProgressReport>().CountAsync(Ct)));
    }

    [Fact]
    public async Task ConcurrentEdits_FromTheSameRevision_OnlyOneWins_AndTheOthersAreNotLost()
    {
        await using var app = await StartAsync();
        var (planId, projectId, departmentId) = await RoadProjectAsync(app);
        var id = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var report = new ProgressReport { Id = Guid.NewGuid(), PlanId = planId, ProjectId = projectId, DepartmentId = departmentId, FiscalYear = 2026, CreatedAt = DateTime.UtcNow };
            report.Edit(new ReportContent(null, "first", "", "plan", ""), Studying, "seed", DateTime.UtcNow);
            db.Add(report);
            await db.SaveChangesAsync(Ct);
            return report.Id;
        });

        var saved = await RaceAsync(app, 8, async (db, i) =>
        {
            var report = await db.Set<ProgressReport>().SingleAsync(r => r.Id == id, Ct);
            db.Entry(report).Property(r => r.Revision).OriginalValue = 1; // the revision every writer saw
            if (i % 2 == 0)
            {
                report.Submit($"writer {i}", DateTime.UtcNow);
            }
            else
            {
                report.Edit(new ReportContent(i, $"writer {i}", "", "plan", ""), Studying, $"writer {i}", DateTime.UtcNow);
            }

            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(1, saved);
        var final = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<ProgressReport>().AsNoTracking().SingleAsync(Ct));
        Assert.Equal(2, final.Revision);
        Assert.Contains("writer", final.UpdatedBy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentCouncilIssues_ForOneYear_LeaveExactlyOne()
    {
        await using var app = await StartAsync();
        var (planId, _, _) = await RoadProjectAsync(app);

        var saved = await RaceAsync(app, 6, async (db, i) =>
        {
            db.Add(new CouncilReport { Id = Guid.NewGuid(), PlanId = planId, FiscalYear = 2026, SummaryJa = $"summary {i}", SnapshotJson = "{}", IssuedAt = DateTime.UtcNow, IssuedBy = $"issuer {i}" });
            await db.SaveChangesAsync(Ct);
        });

        Assert.Equal(1, saved);
    }
}
