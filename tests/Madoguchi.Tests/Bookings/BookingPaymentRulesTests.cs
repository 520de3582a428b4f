using Madoguchi.Bookings.Reservations;
using Madoguchi.Platform.Email;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Bookings.BookingsScope;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.Tests.Bookings;

/// <summary>Which bookings are 仮予約 and by when they must be paid (the default rule of ADR 0062), on SQLite.</summary>
public sealed class BookingPaymentRulesTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;
    private readonly TestClock _clock = TestClock.MondayMorning();

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime BookedAt = new(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(24 * 10, 24 * 3)] // far ahead: three days after booking
    [InlineData(24 * 2, 24)] // two days ahead: 24 hours before the slot
    [InlineData(20, 1)] // within the cut-off: still an hour to pay
    [InlineData(0.5, 0.5)] // starting in 30 minutes: by the start, never after
    public void Deadline_IsThreeDaysAfterBooking_ButNeverLaterThan24HoursBeforeTheSlot(double slotInHours, double deadlineInHours)
    {
        var options = new BookingPaymentOptions();
        Assert.Equal(BookedAt.AddHours(deadlineInHours), options.DeadlineFor(BookedAt, BookedAt.AddHours(slotInHours)));
    }

    [Fact]
    public async Task FreeResource_IsConfirmedAtOnce_AndAFeeResourceIsProvisionalWithItsDeadline()
    {
        await using var s = Open(_app, _clock);
        var visit = await s.ResourceAsync("moving-in-visit");
        var free = await s.Bookings.BookAsync(visit, Jst(2026, 12, 1, 10), new Person("無料 太郎", "free@example.jp"), OnePerson, null, ReservationSource.Web, Ct);
        Assert.True(free.Succeeded, free.Refusal.ToString());
        Assert.Equal(ReservationStatus.Confirmed, free.Reservation!.Status);
        Assert.Null(free.Reservation.ConfirmBy);
        Assert.False(free.Reservation.AwaitsPayment);
        Assert.False(await s.Payments.ConfirmIfPaidAsync(free.Reservation, Ct));
        Assert.Null(await s.Payments.StartAsync(free.Reservation, "http://localhost/x", Ct));
        var freeMail = OutboxQueue.Read<EmailMessage>(Assert.Single(await s.MailToAsync("free@example.jp")));
        Assert.Contains("予約を受け付けました", freeMail.Subject, StringComparison.Ordinal);

        var room = await s.ResourceAsync("civic-hall-meeting-1");
        var paid = await s.Bookings.BookAsync(room, Jst(2026, 12, 2, 9), new Person("有料 花子", "fee@example.jp"), new Dictionary<string, string> { ["users"] = "5", ["purpose"] = "会議" },
            null, ReservationSource.Web, Ct);
        Assert.True(paid.Succeeded, paid.Refusal.ToString());
        Assert.Equal(ReservationStatus.Provisional, paid.Reservation!.Status);
        Assert.Equal(1200, paid.Reservation.FeeYen);

        // Booked Monday 09:00 for Wednesday 09:00: pay by Tuesday 09:00 (24 hours before), not Thursday.
        Assert.Equal(Jst(2026, 12, 1, 9), paid.Reservation.ConfirmBy);
        var feeMail = OutboxQueue.Read<EmailMessage>(Assert.Single(await s.MailToAsync("fee@example.jp")));
        Assert.Contains("仮予約", feeMail.Subject, StringComparison.Ordinal);
        Assert.Contains("お支払い期限", feeMail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaidProvisionalBooking_IsConfirmedByTheNextMaintenancePass_WithOneEmail()
    {
        Reservation reservation;
        await using (var s = Open(_app, _clock))
        {
            var room = await s.ResourceAsync("civic-hall-meeting-1");
            reservation = (await s.Bookings.BookAsync(room, Jst(2026, 12, 9, 13), new Person("閉じた 人", "closed-tab@example.jp"),
                new Dictionary<string, string> { ["users"] = "5", ["purpose"] = "会議" }, null, ReservationSource.Web, Ct)).Reservation!;
            await s.PayAsync(reservation);
        }

        var maintenance = _app.Services.GetRequiredService<BookingsMaintenance>();
        await maintenance.RunOnceAsync(Ct, _clock);
        await maintenance.RunOnceAsync(Ct, _clock);
        await using (var s = Open(_app, _clock))
        {
            Assert.Equal(ReservationStatus.Confirmed, (await s.Db.Set<Reservation>().AsNoTracking().SingleAsync(r => r.Id == reservation.Id, Ct)).Status);
            var subjects = (await s.MailToAsync("closed-tab@example.jp")).Select(m => OutboxQueue.Read<EmailMessage>(m).Subject).ToList();
            Assert.Single(subjects, x => x.Contains("予約確定", StringComparison.Ordinal));
        }
    }
}
