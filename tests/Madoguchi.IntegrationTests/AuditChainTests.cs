using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests;

/// <summary>The hash-chained audit log on PostgreSQL: concurrent writers, tampering and deletion.</summary>
public sealed class AuditChainTests
{
    private const int Writers = 8;
    private const int SavesPerWriter = 3;

    [Fact]
    public async Task ConcurrentSaves_KeepOneGaplessChain_AndVerifierFindsTamperingAndDeletion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var organizationId = DemoSeeder.OrganizationId;
        var before = await CountAsync(app, organizationId, ct);

        // Eight scopes, each its own connection and transaction, all saving at once, several times over.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            await start.Task;
            for (var i = 0; i < SavesPerWriter; i++)
            {
                await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
                {
                    db.Departments.Add(new Department
                    {
                        Id = Guid.NewGuid(),
                        Code = $"concurrent-{w}-{i}",
                        NameJa = $"並行{w}-{i}課",
                        NameEn = $"Concurrent {w}-{i}",
                        Level = DepartmentLevel.Section,
                    });
                    return await db.SaveChangesAsync(ct);
                });
            }
        }, ct)).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        // Writers commit their entries unchained; verification links every committed entry first (AuditChainer).
        var intact = await VerifyAsync(app, organizationId, ct);
        Assert.True(intact.IsIntact, intact.Problem);
        var sequences = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync(ct));
        Assert.Equal(before + (Writers * SavesPerWriter), sequences.Count);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences); // 1..n, no gap, no duplicate
        Assert.Equal(sequences.Count, intact.EntriesChecked);

        // Tamper with one row behind the application's back: the verifier points at exactly that entry.
        var tampered = sequences[sequences.Count / 2];
        var original = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.AuditEntries.Where(e => e.Sequence == tampered).Select(e => e.Details).SingleAsync(ct));
        await ExecuteAsync(app, db => db.Database.ExecuteSqlAsync(
            $"""UPDATE platform_audit_entries SET "Details" = 'tampered' WHERE "OrganizationId" = {organizationId} AND "Sequence" = {tampered}""", ct));
        var afterTamper = await VerifyAsync(app, organizationId, ct);
        Assert.False(afterTamper.IsIntact);
        Assert.Equal(tampered, afterTamper.FirstBrokenSequence);

        // Put it back: intact again. Then delete another row: reported as missing at its sequence.
        await ExecuteAsync(app, db => db.Database.ExecuteSqlAsync(
            $"""UPDATE platform_audit_entries SET "Details" = {original} WHERE "OrganizationId" = {organizationId} AND "Sequence" = {tampered}""", ct));
        Assert.True((await VerifyAsync(app, organizationId, ct)).IsIntact);
        var deleted = sequences[^3];
        await ExecuteAsync(app, db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM platform_audit_entries WHERE "OrganizationId" = {organizationId} AND "Sequence" = {deleted}""", ct));
        var afterDelete = await VerifyAsync(app, organizationId, ct);
        Assert.False(afterDelete.IsIntact);
        Assert.Equal(deleted, afterDelete.FirstBrokenSequence);
        Assert.Contains("missing", afterDelete.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EntriesWrittenUnderLoad_AreLinkedByTheBackgroundChainer_WithoutAnyoneAsking()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var organizationId = DemoSeeder.OrganizationId;
        var ids = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(ids.Select((id, i) => app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            db.Departments.Add(new Department { Id = id, Code = $"bg-{i}", NameJa = $"背景{i}課", NameEn = $"Background {i}", Level = DepartmentLevel.Section });
            return await db.SaveChangesAsync(ct);
        })));

        // No verification, no reader: the worker alone links them within a few seconds.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        int unchained;
        do
        {
            await Task.Delay(200, ct);
            unchained = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
                db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organizationId && e.Sequence == 0, ct));
        }
        while (unchained > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, unchained);
        var keys = ids.Select(id => id.ToString()).ToList();
        var linked = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.AuditEntries.CountAsync(e => e.EntityType == nameof(Department) && keys.Contains(e.EntityId) && e.Sequence > 0 && e.Hash != "", ct));
        Assert.Equal(20, linked);
        var intact = await VerifyAsync(app, organizationId, ct);
        Assert.True(intact.IsIntact, intact.Problem);
    }

    private static Task<int> CountAsync(MadoguchiApp app, Guid organizationId, CancellationToken ct) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) =>
            db.AuditEntries.IgnoreQueryFilters().CountAsync(e => e.OrganizationId == organizationId, ct));

    private static Task<AuditVerification> VerifyAsync(MadoguchiApp app, Guid organizationId, CancellationToken ct) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => AuditVerifier.VerifyAsync(db, organizationId, ct));

    private static Task<int> ExecuteAsync(MadoguchiApp app, Func<MadoguchiDb, Task<int>> sql) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => sql(db));
}
