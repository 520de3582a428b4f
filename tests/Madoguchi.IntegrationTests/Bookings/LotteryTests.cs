using System.Text.Json;
using Madoguchi.Bookings.Contracts;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.IntegrationTests.Bookings;

/// <summary>The lottery on PostgreSQL: a draw run twice (and twice at once) gives one result, re-runnable from what is published, within the limits.</summary>
public sealed class LotteryTests
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Draw_OnPostgres_IsReproducibleFromThePublishedSeed_AndNoGroupWinsMoreThanAllowed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        var clock = new Clock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));

        async Task<T> WithLotteries<T>(Func<LotteryService, MadoguchiDb, Task<T>> work)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(await db.Organizations.SingleAsync(o => o.Code == DemoSeeder.OrganizationCode, ct));
            var bookings = ActivatorUtilities.CreateInstance<BookingService>(scope.ServiceProvider, clock);
            return await work(ActivatorUtilities.CreateInstance<LotteryService>(scope.ServiceProvider, clock, bookings), db);
        }

        var lotteryId = await WithLotteries(async (lotteries, db) =>
        {
            var room = await db.Set<Resource>().SingleAsync(r => r.Slug == "civic-hall-meeting-1", ct);
            var ground = await db.Set<Resource>().SingleAsync(r => r.Slug == "midoricho-ground", ct);
            var now = clock.Now.UtcDateTime;
            var lottery = await lotteries.CreateAsync("抽選", "Lottery", [room, ground], new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 13), now, now.AddDays(7), now.AddDays(14), 3, 2, ct);
            var slots = await lotteries.SlotsOfAsync(lottery.Id, ct);
            var random = new Random(7);
            for (var g = 0; g < 20; g++)
            {
                var group = await lotteries.RegisterGroupAsync($"団体{g}", $"代表{g}", $"group{g}@example.jp", 10, true, ct);
                var secret = await lotteries.ApproveGroupAsync(group.Id, ct);
                var signedIn = (await lotteries.SignInGroupAsync(group.Number, secret!, ct))!;
                var wishes = slots.OrderBy(_ => random.Next()).Take(3).Select(s => new LotteryWish(s.ResourceId, s.StartsAt)).ToList();
                Assert.Equal(LotteryRefusal.None, await lotteries.ApplyAsync(lottery.Id, signedIn, wishes, ct));
            }

            return lottery.Id;
        });

        clock.Now = clock.Now.AddDays(8);
        // Two staff press "draw" at the same moment: one draws, the other gets the same result.
        var draws = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => WithLotteries((l, _) => l.DrawAsync(lotteryId, ct)), ct)));
        Assert.Single(draws, d => d.Refusal == LotteryRefusal.None);
        Assert.Equal(draws[0].Result!.Winners, draws[1].Result!.Winners);

        await WithLotteries(async (lotteries, db) =>
        {
            var lottery = (await lotteries.FindAsync(lotteryId, ct))!;
            Assert.Equal(LotteryDraw.Commitment(lottery.Seed!), lottery.SeedCommitment);
            var rerun = LotteryDraw.Run(lottery.Seed!, JsonSerializer.Deserialize<DrawInputs>(lottery.PublishedInputs!)!);
            Assert.Equal(draws[0].Result!.Winners, rerun.Winners);
            Assert.All(rerun.Winners.GroupBy(w => w.Group), g => Assert.True(g.Count() <= 2, $"{g.Key} won {g.Count()}"));

            var provisional = await db.Set<Reservation>().Where(r => r.Status == ReservationStatus.Provisional).ToListAsync(ct);
            Assert.Equal(rerun.Winners.Count, provisional.Count);
            Assert.Equal(provisional.Count, provisional.Select(r => r.SlotId).Distinct().Count());
            Assert.All(await lotteries.SlotsOfAsync(lotteryId, ct), s => Assert.True(s.Taken <= s.Capacity));
            return 0;
        });
    }
}
