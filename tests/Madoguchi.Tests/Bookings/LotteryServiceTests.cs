using System.Text.Json;
using Madoguchi.Bookings.Contracts;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Bookings.BookingsScope;

namespace Madoguchi.Tests.Bookings;

/// <summary>利用者登録 → 申込 → 抽選 → 当選確定 → 先着順, on SQLite with a hand-moved clock.</summary>
public sealed class LotteryServiceTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;
    private readonly TestClock _clock = TestClock.MondayMorning();

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FullLotteryCycle_IsReproducible_WithinLimits_AndOpensWhatRemainsFirstCome()
    {
        var (lotteryId, secrets) = await LotteryScenario.SetUpAsync(() => Open(_app, _clock), applications: true);

        // While the lottery holds them, its slots are not first-come.
        await using (var s = Open(_app, _clock))
        {
            var room = await s.ResourceAsync("civic-hall-meeting-1");
            var early = await s.Bookings.BookAsync(room, Jst(2027, 1, 12, 9), new Person("先着 狙い", "early@example.jp"), new Dictionary<string, string> { ["users"] = "5", ["purpose"] = "会議" }, null, ReservationSource.Web, Ct);
            Assert.Equal(Refusal.InLottery, early.Refusal);
            var pending = await s.Db.Set<UserGroup>().SingleAsync(g => g.Name == "未承認の会", Ct);
            Assert.Equal(LotteryRefusal.GroupNotApproved, await s.Lotteries.ApplyAsync(lotteryId, pending, [new LotteryWish(room.Id, Jst(2027, 1, 12, 9))], Ct));
            Assert.Equal(LotteryRefusal.NotYetClosed, (await s.Lotteries.DrawAsync(lotteryId, Ct)).Refusal);
        }

        _clock.Advance(TimeSpan.FromDays(8));
        DrawResult drawn;
        await using (var s = Open(_app, _clock))
        {
            var (refusal, result) = await s.Lotteries.DrawAsync(lotteryId, Ct);
            Assert.Equal(LotteryRefusal.None, refusal);
            drawn = result!;
        }

        await using (var s = Open(_app, _clock))
        {
            var (refusal, again) = await s.Lotteries.DrawAsync(lotteryId, Ct);
            Assert.Equal(LotteryRefusal.AlreadyDrawn, refusal);
            Assert.Equal(drawn.Winners, again!.Winners);

            var lottery = (await s.Lotteries.FindAsync(lotteryId, Ct))!;
            Assert.Equal(LotteryDraw.Commitment(lottery.Seed!), lottery.SeedCommitment);
            var published = JsonSerializer.Deserialize<DrawInputs>(lottery.PublishedInputs!)!;
            Assert.Equal(drawn.Winners, LotteryDraw.Run(lottery.Seed!, published).Winners);

            Assert.All(drawn.Winners.GroupBy(w => w.Group), g => Assert.True(g.Count() <= lottery.MaxWinsPerGroup));
            var provisional = await s.Db.Set<Reservation>().AsNoTracking().Where(r => r.Status == ReservationStatus.Provisional).ToListAsync(Ct);
            Assert.Equal(drawn.Winners.Count, provisional.Count);
            Assert.Equal(provisional.Count, provisional.Select(r => r.SlotId).Distinct().Count());
            var slots = await s.Lotteries.SlotsOfAsync(lotteryId, Ct);
            Assert.Equal(drawn.Winners.Count, slots.Sum(x => x.Taken));
            Assert.True(drawn.Winners.Count >= 3, "four groups wanting overlapping slots win at least three");

            // The room has a fee: a win is a 仮予約 confirmed by paying, not by the button. The first winner
            // pays; the others let the deadline pass.
            Assert.All(provisional, r => Assert.True(r.AwaitsPayment));
            Assert.False(await s.Lotteries.ConfirmAsync(provisional[0], Ct));
            await s.PayAsync(provisional[0]);
        }

        _clock.Advance(TimeSpan.FromDays(7));
        await _app.Services.GetRequiredService<BookingsMaintenance>().RunOnceAsync(Ct, _clock);
        await using (var s = Open(_app, _clock))
        {
            var lottery = (await s.Lotteries.FindAsync(lotteryId, Ct))!;
            Assert.Equal(LotteryStatus.Completed, lottery.Status);
            var statuses = await s.Db.Set<Reservation>().AsNoTracking().Where(r => r.Source == ReservationSource.Lottery).Select(r => r.Status).ToListAsync(Ct);
            Assert.Equal(1, statuses.Count(x => x == ReservationStatus.Confirmed));
            Assert.Equal(drawn.Winners.Count - 1, statuses.Count(x => x == ReservationStatus.Lapsed));
            Assert.Empty(await s.Lotteries.SlotsOfAsync(lotteryId, Ct));

            // What remains is first-come now.
            var room = await s.ResourceAsync("civic-hall-meeting-1");
            var taken = await s.Db.Set<Reservation>().Where(r => r.Status == ReservationStatus.Confirmed && r.Source == ReservationSource.Lottery).Select(r => r.StartsAt).ToListAsync(Ct);
            var free = new[] { Jst(2027, 1, 12, 9), Jst(2027, 1, 12, 13), Jst(2027, 1, 12, 18) }.First(t => !taken.Contains(t));
            var later = await s.Bookings.BookAsync(room, free, new Person("先着 後で", "later@example.jp"), new Dictionary<string, string> { ["users"] = "5", ["purpose"] = "会議" }, null, ReservationSource.Web, Ct);
            Assert.True(later.Succeeded, later.Refusal.ToString());
        }

        Assert.Equal(4, secrets.Count);
    }
}

/// <summary>Five groups (four approved), a lottery over two days of Civic Hall Meeting Room 1, and three wishes per approved group.</summary>
internal static class LotteryScenario
{
    public static async Task<(Guid LotteryId, List<string> Secrets)> SetUpAsync(Func<BookingsScope> open, bool applications)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var s = open();
        var groups = new List<UserGroup>();
        foreach (var name in new[] { "武蔵野少年野球クラブ", "吉祥寺囲碁の会", "中町コーラス", "境南ダンス同好会", "未承認の会" })
        {
            groups.Add(await s.Lotteries.RegisterGroupAsync(name, name + " 代表", $"{groups.Count}@groups.example.jp", 12, isResident: true, ct));
        }

        var secrets = new List<string>();
        foreach (var group in groups.Take(4))
        {
            secrets.Add((await s.Lotteries.ApproveGroupAsync(group.Id, ct))!);
        }

        var room = await s.ResourceAsync("civic-hall-meeting-1");
        var clockNow = DateTime.SpecifyKind(Jst(2026, 11, 30, 9), DateTimeKind.Utc);
        var lottery = await s.Lotteries.CreateAsync("1月 第1会議室 抽選", "January Meeting Room 1 lottery", [room],
            new DateOnly(2027, 1, 12), new DateOnly(2027, 1, 13), clockNow, clockNow.AddDays(7), clockNow.AddDays(14), maxApplications: 3, maxWins: 1, ct);
        if (applications)
        {
            var times = new[] { Jst(2027, 1, 12, 9), Jst(2027, 1, 12, 13), Jst(2027, 1, 12, 18), Jst(2027, 1, 13, 9) };
            for (var i = 0; i < 4; i++)
            {
                var signedIn = (await s.Lotteries.SignInGroupAsync(groups[i].Number, secrets[i], ct))!;
                var wishes = new[] { times[i % 2], times[2 + (i % 2)], times[(i + 1) % 2] }.Select(t => new LotteryWish(room.Id, t)).ToList();
                Assert.Equal(LotteryRefusal.None, await s.Lotteries.ApplyAsync(lottery.Id, signedIn, wishes, ct));
            }
        }

        return (lottery.Id, secrets);
    }
}
