using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Madoguchi.PublicComments.Processing;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.IntegrationTests.PublicComments;

/// <summary>Opinion intake under real concurrency on PostgreSQL: receipt numbers never collide; one key never makes two opinions.</summary>
public sealed class OpinionConcurrencyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IntakeResult[]> RaceAsync(MadoguchiApp app, int count, Func<int, OpinionInput> input, Func<int, string> key)
    {
        using var start = new SemaphoreSlim(0, count);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(() => app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, services) =>
        {
            var process = await db.Set<PublicCommentProcess>().AsNoTracking().SingleAsync(p => p.Slug == "demo-open", Ct);
            var intake = services.GetRequiredService<OpinionIntake>();
            await start.WaitAsync(Ct);
            var now = DateTime.UtcNow;
            return await intake.TakeAsync(process, input(i), OpinionChannels.Web, now, now, key(i), null, Ct);
        }), Ct)).ToList();
        start.Release(count);
        return await Task.WhenAll(tasks);
    }

    private static OpinionInput Input(int i) => new("並行 太郎", "武蔵野市中町", $"user{i}@example.jp", null, null, $"意見 {i}");

    [Fact]
    public async Task ConcurrentOpinions_GetDistinctConsecutiveReceiptNumbers()
    {
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var results = await RaceAsync(app, 12, Input, i => $"key-{i}");
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error.ToString()));
        var numbers = results.Select(r => r.Opinion!.ReceiptNumber).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(n => $"TR-{n:D4}"), numbers);
    }

    [Fact]
    public async Task ConcurrentSendsOfOneForm_MakeOneOpinion()
    {
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        var results = await RaceAsync(app, 8, _ => Input(0), _ => "web:same-form");
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error.ToString()));
        Assert.Single(results.Select(r => r.Opinion!.ReceiptNumber).Distinct());
        Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Opinion>().CountAsync(o => o.ReceiptNumber.StartsWith("TR-"), Ct)));
        Assert.Equal(1, await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.OutboxMessages.CountAsync(Ct)));
    }
}
