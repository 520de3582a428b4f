using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Email;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Bookings.BookingsScope;

namespace Madoguchi.Tests.Bookings;

/// <summary>Holds, bookings, changes, cancellations, waitlist and reminders against the rules, on SQLite with a hand-moved clock.</summary>
public sealed class BookingServiceTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;
    private readonly TestClock _clock = TestClock.MondayMorning();

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private BookingsScope Scope() => Open(_app, _clock);

    [Fact]
    public async Task Hold_ThenBook_UsesTheHeldPlace_AndASecondSubmitAnswersWithTheSameReservation()
    {
        var start = Jst(2026, 12, 1, 10);
        string token;
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            var hold = await s.Bookings.HoldAsync(resource, start, Ct);
            Assert.Equal(Refusal.None, hold.Refusal);
            token = hold.Token!;
            Assert.Equal(1, (await s.SlotAsync(resource, start))!.Taken);
        }

        BookingResult first, second;
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            first = await s.Bookings.BookAsync(resource, start, new Person("武蔵野 花子", "hanako@example.jp"), OnePerson, token, ReservationSource.Web, Ct);
        }

        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            second = await s.Bookings.BookAsync(resource, start, new Person("武蔵野 花子", "hanako@example.jp"), OnePerson, token, ReservationSource.Web, Ct);
            Assert.True(first.Succeeded);
            Assert.True(second.AlreadyMade);
            Assert.Equal(first.Reservation!.Reference, second.Reservation!.Reference);
            Assert.Equal(first.ManageToken, second.ManageToken);
            Assert.Equal(1, (await s.SlotAsync(resource, start))!.Taken);
            Assert.Equal(1, await s.Db.Set<Reservation>().CountAsync(r => r.Email == "hanako@example.jp", Ct));

            var mail = Assert.Single(await s.MailToAsync("hanako@example.jp"));
            var email = OutboxQueue.Read<EmailMessage>(mail);
            Assert.Contains(first.Reservation.Reference, email.Subject, StringComparison.Ordinal);
            var ics = System.Text.Encoding.UTF8.GetString(Assert.Single(email.Attachments!).Content);
            Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
            Assert.Contains("DTSTART;TZID=Asia/Tokyo:20261201T100000", ics, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ExpiredHold_GivesThePlaceBack_AndTheLateSubmitStillBooksIfThePlaceIsFree()
    {
        var start = Jst(2026, 12, 2, 11);
        string token;
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            token = (await s.Bookings.HoldAsync(resource, start, Ct)).Token!;
        }

        _clock.Advance(TimeSpan.FromMinutes(11));
        await _app.Services.GetRequiredService<BookingsMaintenance>().RunOnceAsync(Ct, _clock);
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            Assert.Equal(0, (await s.SlotAsync(resource, start))!.Taken);
            Assert.Equal(HoldStatus.Expired, (await s.Bookings.FindHoldAsync(token, Ct))!.Status);
            var late = await s.Bookings.BookAsync(resource, start, new Person("遅 太郎", "late@example.jp"), OnePerson, token, ReservationSource.Web, Ct);
            Assert.True(late.Succeeded);
            Assert.Equal(1, (await s.SlotAsync(resource, start))!.Taken);
        }
    }

    [Theory]
    [InlineData(2026, 11, 30, 9, 30, Refusal.TooSoon)] // 30 minutes ahead, 60 needed
    [InlineData(2026, 11, 30, 8, 30, Refusal.InThePast)]
    [InlineData(2026, 12, 5, 10, 0, Refusal.Closed)] // Saturday
    [InlineData(2026, 12, 29, 10, 0, Refusal.YearEnd)]
    [InlineData(2026, 12, 1, 10, 15, Refusal.NotASlot)]
    [InlineData(2026, 12, 1, 17, 0, Refusal.NotASlot)] // closes at 17:00
    [InlineData(2027, 1, 11, 10, 0, Refusal.BeyondHorizon)]
    public async Task Booking_OutsideTheRules_IsRefusedWithTheReason(int year, int month, int day, int hour, int minute, Refusal expected)
    {
        await using var s = Scope();
        var resource = await s.ResourceAsync("moving-in-visit");
        var result = await s.Bookings.BookAsync(resource, Jst(year, month, day, hour, minute), new Person("規則 次郎", "rules@example.jp"), OnePerson, null, ReservationSource.Api, Ct);
        Assert.Equal(expected, result.Refusal);
        Assert.Null(result.Reservation);
    }

    [Fact]
    public async Task Holiday_IsClosed_ForACounter()
    {
        var clock = new TestClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.FromHours(9)));
        await using var s = Open(_app, clock);
        var resource = await s.ResourceAsync("moving-in-visit");
        var result = await s.Bookings.BookAsync(resource, Jst(2027, 1, 11, 10), new Person("成人 祝子", "seijin@example.jp"), OnePerson, null, ReservationSource.Api, Ct);
        Assert.Equal(Refusal.Holiday, result.Refusal); // 成人の日
        var days = (await s.Bookings.AvailabilityAsync(resource, new DateOnly(2027, 1, 11), new DateOnly(2027, 1, 12), Ct)).Select(v => Tokyo.DateOf(v.StartsAt)).Distinct();
        Assert.Equal([new DateOnly(2027, 1, 12)], days);
    }

    [Fact]
    public async Task MonthlyLimit_PerPerson_IsEnforced_ByEmailWhateverItsCase()
    {
        await using var s = Scope();
        var resource = await s.ResourceAsync("moving-in-visit"); // two a month
        Assert.True((await s.Bookings.BookAsync(resource, Jst(2026, 12, 3, 9), new Person("上限 三郎", "limit@example.jp"), OnePerson, null, ReservationSource.Api, Ct)).Succeeded);
        Assert.True((await s.Bookings.BookAsync(resource, Jst(2026, 12, 4, 9), new Person("上限 三郎", "Limit@Example.jp"), OnePerson, null, ReservationSource.Api, Ct)).Succeeded);
        var third = await s.Bookings.BookAsync(resource, Jst(2026, 12, 7, 9), new Person("上限 三郎", " LIMIT@example.jp "), OnePerson, null, ReservationSource.Api, Ct);
        Assert.Equal(Refusal.MonthlyLimit, third.Refusal);
    }

    [Fact]
    public async Task MissingAnswersAndBadEmail_AreFieldErrors_AndNothingIsTaken()
    {
        var start = Jst(2026, 12, 3, 14);
        await using var s = Scope();
        var resource = await s.ResourceAsync("moving-in-visit");
        var result = await s.Bookings.BookAsync(resource, start, new Person("", "not-an-email"), new Dictionary<string, string> { ["people"] = "two" }, null, ReservationSource.Api, Ct);
        Assert.Equal(["name", "email", "answer-people"], result.Errors!.Select(e => e.Field));
        Assert.Null(await s.SlotAsync(resource, start));
    }

    [Fact]
    public async Task Change_MovesThePlace_IncrementsSequence_AndCancelBeforeTheDeadlineFreesIt()
    {
        var start = Jst(2026, 12, 8, 10);
        var moved = Jst(2026, 12, 8, 11);
        BookingResult booked;
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            booked = await s.Bookings.BookAsync(resource, start, new Person("変更 四郎", "change@example.jp"), OnePerson, null, ReservationSource.Web, Ct);
        }

        await using (var s = Scope())
        {
            var reservation = (await s.Bookings.FindByTokenAsync(booked.Reservation!.Reference, booked.ManageToken, Ct))!;
            Assert.Null(await s.Bookings.FindByTokenAsync(booked.Reservation.Reference, "wrong-token", Ct));
            Assert.Equal(Refusal.None, await s.Bookings.ChangeAsync(reservation, moved, Ct));
        }

        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            Assert.Equal(0, (await s.SlotAsync(resource, start))!.Taken);
            Assert.Equal(1, (await s.SlotAsync(resource, moved))!.Taken);
            var reservation = (await s.Bookings.FindByTokenAsync(booked.Reservation!.Reference, booked.ManageToken, Ct))!;
            Assert.Equal(1, reservation.Sequence);
            Assert.Contains("SEQUENCE:1", s.Bookings.IcsFor(reservation, resource), StringComparison.Ordinal);
            Assert.Equal(Refusal.None, await s.Bookings.CancelAsync(reservation, byStaff: false, Ct));
        }

        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            Assert.Equal(0, (await s.SlotAsync(resource, moved))!.Taken);
            var reservation = (await s.Bookings.FindByTokenAsync(booked.Reservation!.Reference, booked.ManageToken, Ct))!;
            Assert.Equal(ReservationStatus.Cancelled, reservation.Status);
            Assert.Equal(2, reservation.Sequence);
            var ics = s.Bookings.IcsFor(reservation, resource);
            Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
            Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
            var mails = (await s.MailToAsync("change@example.jp")).Select(OutboxQueue.Read<EmailMessage>).ToList();
            Assert.Equal(3, mails.Count); // booked, changed, cancelled
            Assert.Contains("method=CANCEL", mails[2].Attachments![0].ContentType, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cancel_AfterTheDeadline_IsRefused_ButStaffMayStillCancel()
    {
        var start = Jst(2026, 11, 30, 11); // two hours from now; the counter's deadline is two hours before
        BookingResult booked;
        await using (var s = Scope())
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            booked = await s.Bookings.BookAsync(resource, start, new Person("期限 五郎", "deadline@example.jp"), OnePerson, null, ReservationSource.Web, Ct);
            Assert.True(booked.Succeeded);
        }

        _clock.Advance(TimeSpan.FromMinutes(1));
        await using (var s = Scope())
        {
            var reservation = (await s.Bookings.FindByTokenAsync(booked.Reservation!.Reference, booked.ManageToken, Ct))!;
            Assert.Equal(Refusal.CancelDeadlinePassed, await s.Bookings.CancelAsync(reservation, byStaff: false, Ct));
            Assert.Equal(Refusal.None, await s.Bookings.CancelAsync(reservation, byStaff: true, Ct));
        }

        _clock.Advance(TimeSpan.FromMinutes(-1));
    }

    [Fact]
    public async Task Waitlist_OffersTheFreedPlace_ThenPassesItOnWhenTheOfferLapses()
    {
        var start = Jst(2026, 12, 9, 10);
        var clock = TestClock.MondayMorning();
        var holders = new List<BookingResult>();
        await using (var s = Open(_app, clock))
        {
            var resource = await s.ResourceAsync("childcare-consultation"); // one place
            var topic = new Dictionary<string, string> { ["topic"] = "夜泣き" };
            holders.Add(await s.Bookings.BookAsync(resource, start, new Person("先着 一子", "first@example.jp"), topic, null, ReservationSource.Web, Ct));
            Assert.True(holders[0].Succeeded);
            Assert.Equal(Refusal.Full, (await s.Bookings.BookAsync(resource, start, new Person("満員 二子", "second@example.jp"), topic, null, ReservationSource.Web, Ct)).Refusal);
            Assert.Equal(0, (await s.Waitlist.JoinAsync(resource, start, "待ち 二子", "second@example.jp", Ct)).Ahead);
            Assert.Equal(1, (await s.Waitlist.JoinAsync(resource, start, "待ち 三子", "third@example.jp", Ct)).Ahead);
            Assert.Equal(0, (await s.Waitlist.JoinAsync(resource, start, "待ち 二子", "second@example.jp", Ct)).Ahead); // joining twice changes nothing
        }

        await using (var s = Open(_app, clock))
        {
            var reservation = (await s.Bookings.FindByTokenAsync(holders[0].Reservation!.Reference, holders[0].ManageToken, Ct))!;
            Assert.Equal(Refusal.None, await s.Bookings.CancelAsync(reservation, byStaff: false, Ct));
        }

        await using (var s = Open(_app, clock))
        {
            var resource = await s.ResourceAsync("childcare-consultation");
            Assert.Equal(1, (await s.SlotAsync(resource, start))!.Taken); // kept for the offer
            var offered = await s.Db.Set<WaitlistEntry>().SingleAsync(w => w.Status == WaitlistStatus.Offered, Ct);
            Assert.Equal("second@example.jp", offered.Email);
            Assert.Equal(Refusal.Full, (await s.Bookings.BookAsync(resource, start, new Person("横入 四子", "fourth@example.jp"), new Dictionary<string, string> { ["topic"] = "x" }, null, ReservationSource.Web, Ct)).Refusal);
        }

        clock.Advance(TimeSpan.FromMinutes(121));
        await _app.Services.GetRequiredService<BookingsMaintenance>().RunOnceAsync(Ct, clock);
        string offerToken;
        await using (var s = Open(_app, clock))
        {
            var entries = await s.Db.Set<WaitlistEntry>().AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(Ct);
            Assert.Equal([WaitlistStatus.Passed, WaitlistStatus.Offered], entries.Select(e => e.Status));
            var offerMail = OutboxQueue.Read<EmailMessage>((await s.MailToAsync("third@example.jp")).Last());
            offerToken = System.Text.RegularExpressions.Regex.Match(offerMail.TextBody, @"token=([A-Za-z0-9_\-%]+)").Groups[1].Value;
        }

        await using (var s = Open(_app, clock))
        {
            var accepted = await s.Waitlist.AcceptAsync(Uri.UnescapeDataString(offerToken), Ct);
            Assert.True(accepted.Succeeded);
            Assert.Equal("third@example.jp", accepted.Reservation!.Email);
            var again = await s.Waitlist.AcceptAsync(Uri.UnescapeDataString(offerToken), Ct);
            Assert.True(again.AlreadyMade);
            var resource = await s.ResourceAsync("childcare-consultation");
            Assert.Equal(1, (await s.SlotAsync(resource, start))!.Taken);
            Assert.StartsWith("https://video.musashino.example/room/", accepted.Reservation.VideoLink, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Reminder_GoesOutOnceFrom0900TheDayBefore()
    {
        var start = Jst(2026, 12, 10, 15);
        var clock = TestClock.MondayMorning();
        await using (var s = Open(_app, clock))
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            Assert.True((await s.Bookings.BookAsync(resource, start, new Person("前日 通知", "remind@example.jp"), OnePerson, null, ReservationSource.Web, Ct)).Succeeded);
        }

        var maintenance = _app.Services.GetRequiredService<BookingsMaintenance>();
        clock.Now = new DateTimeOffset(2026, 12, 9, 8, 59, 0, TimeSpan.FromHours(9));
        await maintenance.RunOnceAsync(Ct, clock);
        await using (var s = Open(_app, clock))
        {
            Assert.Single(await s.MailToAsync("remind@example.jp"));
        }

        clock.Now = new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.FromHours(9));
        await maintenance.RunOnceAsync(Ct, clock);
        await maintenance.RunOnceAsync(Ct, clock);
        await using (var s = Open(_app, clock))
        {
            var mails = (await s.MailToAsync("remind@example.jp")).Select(OutboxQueue.Read<EmailMessage>).ToList();
            Assert.Equal(2, mails.Count);
            Assert.Contains("明日のご予約", mails[1].Subject, StringComparison.Ordinal);
            Assert.Contains("/bookings/manage/", mails[1].TextBody, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoShow_CanBeMarkedOnlyAfterTheStart()
    {
        var start = Jst(2026, 12, 1, 13);
        var clock = TestClock.MondayMorning();
        Guid id;
        await using (var s = Open(_app, clock))
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            id = (await s.Bookings.BookAsync(resource, start, new Person("欠席 六郎", "noshow@example.jp"), OnePerson, null, ReservationSource.Web, Ct)).Reservation!.Id;
            Assert.False(await s.Bookings.MarkNoShowAsync(id, Ct));
        }

        clock.Now = new DateTimeOffset(2026, 12, 1, 13, 20, 0, TimeSpan.FromHours(9));
        await using (var s = Open(_app, clock))
        {
            Assert.True(await s.Bookings.MarkNoShowAsync(id, Ct));
            Assert.Equal(ReservationStatus.NoShow, (await s.Db.Set<Reservation>().SingleAsync(r => r.Id == id, Ct)).Status);
        }
    }
}
