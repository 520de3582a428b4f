using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OutboxQueue = Madoguchi.Platform.Outbox.Outbox;

namespace Madoguchi.IntegrationTests.Bookings;

/// <summary>
/// 仮予約 on PostgreSQL: unpaid at the deadline it lapses and frees its place; paid (even only at the
/// gateway, webhook not yet in) it is confirmed; concurrent maintenance runs lapse it once; a capture
/// racing the lapse never leaves a lapsed booking with a captured payment.
/// </summary>
public sealed class BookingPaymentTests : IAsyncLifetime
{
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private MadoguchiApp _app = null!;

    // Monday 30 November 2026, 09:00 JST.
    private readonly Clock _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(9)));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly int[] SlotHours = [9, 13, 18];

    private static readonly Dictionary<string, string> Answers = new() { ["users"] = "5", ["purpose"] = "会議" };

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        ["Bookings:MaintenanceEnabled"] = "false",
        ["Payments:ExpiryEnabled"] = "false",
    });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static DateTime Jst(int month, int day, int hour) => Tokyo.ToUtc(new DateOnly(2026, month, day), new TimeOnly(hour, 0));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, BookingService, BookingPayments, Task<T>> work)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MadoguchiDb>();
        services.GetRequiredService<TenantContext>().Set(await db.Organizations.SingleAsync(o => o.Code == DemoSeeder.OrganizationCode, Ct));
        var bookings = ActivatorUtilities.CreateInstance<BookingService>(services, _clock);
        return await work(services, bookings, ActivatorUtilities.CreateInstance<BookingPayments>(services, _clock, bookings));
    }

    private Task<BookingResult> BookAsync(DateTime start, string email) => InScopeAsync(async (services, bookings, _) =>
    {
        var room = await services.GetRequiredService<MadoguchiDb>().Set<Resource>().AsNoTracking().SingleAsync(r => r.Slug == "civic-hall-meeting-1", Ct);
        return await bookings.BookAsync(room, start, new Person("武蔵野 花子", email), Answers, null, ReservationSource.Web, Ct);
    });

    /// <summary>Starts the online payment the way the manage page does; returns the payment's id.</summary>
    private Task<Guid> StartPaymentAsync(Guid reservationId) => InScopeAsync(async (services, _, payments) =>
    {
        var reservation = await services.GetRequiredService<MadoguchiDb>().Set<Reservation>().AsNoTracking().SingleAsync(r => r.Id == reservationId, Ct);
        var next = await payments.StartAsync(reservation, "http://localhost/bookings/manage/x", Ct);
        Assert.NotNull(next);
        return Guid.Parse(next.Split('/')[^1]);
    });

    private Task<Reservation> ReservationAsync(Guid id) =>
        InScopeAsync((services, _, _) => services.GetRequiredService<MadoguchiDb>().Set<Reservation>().AsNoTracking().SingleAsync(r => r.Id == id, Ct));

    private Task<Payment> PaymentAsync(Guid id) =>
        InScopeAsync((services, _, _) => services.GetRequiredService<MadoguchiDb>().Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, Ct));

    private Task<List<string>> SubjectsToAsync(string email) => InScopeAsync(async (services, _, _) =>
        (await services.GetRequiredService<MadoguchiDb>().OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains(email)).ToListAsync(Ct))
            .Select(m => OutboxQueue.Read<EmailMessage>(m).Subject).ToList());

    private Task<int> TakenAsync(DateTime start) => InScopeAsync(async (services, _, _) =>
    {
        var db = services.GetRequiredService<MadoguchiDb>();
        var room = await db.Set<Resource>().AsNoTracking().SingleAsync(r => r.Slug == "civic-hall-meeting-1", Ct);
        return (await db.Set<Slot>().AsNoTracking().SingleAsync(s => s.ResourceId == room.Id && s.StartsAt == start, Ct)).Taken;
    });

    private Task RunMaintenanceAsync() => _app.Services.GetRequiredService<BookingsMaintenance>().RunOnceAsync(Ct, _clock);

    [Fact]
    public async Task UnpaidPastItsDeadline_Lapses_FreesTheSlotForAnother_CancelsThePayment_AndTwoConcurrentRunsLapseItOnce()
    {
        // Ten 仮予約 on ten slots, each with a payment started and abandoned half-way.
        var starts = Enumerable.Range(0, 10).Select(i => Jst(12, 15 + (i / 3), SlotHours[i % 3])).ToList();
        var booked = new List<(Reservation Reservation, Guid PaymentId, string Email)>();
        foreach (var (start, i) in starts.Select((s, i) => (s, i)))
        {
            var email = $"lapse{i}@example.jp";
            var result = await BookAsync(start, email);
            Assert.True(result.Succeeded, result.Refusal.ToString());
            Assert.Equal(ReservationStatus.Provisional, result.Reservation!.Status);
            Assert.Equal(_clock.Now.UtcDateTime.AddDays(3), result.Reservation.ConfirmBy);
            booked.Add((result.Reservation, await StartPaymentAsync(result.Reservation.Id), email));
        }

        // The 仮予約 holds its place: nobody else can have the slot meanwhile.
        Assert.Equal(Refusal.Full, (await BookAsync(starts[0], "other@example.jp")).Refusal);

        // Before the deadline nothing lapses.
        _clock.Now = _clock.Now.AddDays(3).AddMinutes(-1);
        await RunMaintenanceAsync();
        Assert.Equal(ReservationStatus.Provisional, (await ReservationAsync(booked[0].Reservation.Id)).Status);

        // Past it, two instances run the job at the same moment.
        _clock.Now = _clock.Now.AddMinutes(2);
        await Task.WhenAll(Task.Run(RunMaintenanceAsync, Ct), Task.Run(RunMaintenanceAsync, Ct));

        foreach (var (reservation, paymentId, email) in booked)
        {
            Assert.Equal(ReservationStatus.Lapsed, (await ReservationAsync(reservation.Id)).Status);
            Assert.Equal(0, await TakenAsync(reservation.StartsAt));
            Assert.Equal(PaymentStatus.Cancelled, (await PaymentAsync(paymentId)).Status);
            var subjects = await SubjectsToAsync(email);
            Assert.Single(subjects, s => s.Contains("失効", StringComparison.Ordinal));
            Assert.Single(subjects, s => s.Contains("仮予約", StringComparison.Ordinal));
        }

        // The slot is bookable again, by someone else.
        var again = await BookAsync(starts[0], "other@example.jp");
        Assert.True(again.Succeeded, again.Refusal.ToString());
        Assert.Equal(1, await TakenAsync(starts[0]));

        // The lapsed booking cannot start a payment any more.
        Assert.Null(await InScopeAsync((_, _, payments) => payments.StartAsync(booked[1].Reservation, "http://localhost/x", Ct)));
    }

    [Fact]
    public async Task PaidJustBeforeTheJob_EvenWhileTheGatewaysWebhookIsStillOnItsWay_IsConfirmed_NotLapsed()
    {
        var capturedStart = Jst(12, 15, 9);
        var atGatewayStart = Jst(12, 15, 13);
        var captured = (await BookAsync(capturedStart, "captured@example.jp")).Reservation!;
        var atGateway = (await BookAsync(atGatewayStart, "gateway@example.jp")).Reservation!;
        var capturedPayment = await StartPaymentAsync(captured.Id);
        var gatewayPayment = await StartPaymentAsync(atGateway.Id);

        // One payment is captured in our ledger a second before the deadline; the other is paid on the
        // gateway's card page, but its webhook has not arrived when the job runs after the deadline.
        _clock.Now = _clock.Now.AddDays(3).AddSeconds(-1);
        await InScopeAsync(async (services, _, _) =>
        {
            await services.GetRequiredService<PaymentService>().ApplyAsync(capturedPayment, new GatewayEvent(PaymentStatus.Captured, 1200, null, "webhook"), Ct);
            var payment = (await services.GetRequiredService<PaymentService>().FindAsync(gatewayPayment, Ct))!;
            await services.GetRequiredService<SimulatedGateway>().PayAsync(payment, "http://localhost/webhook", Ct);
            return 0;
        });
        _clock.Now = _clock.Now.AddMinutes(5);
        await RunMaintenanceAsync();

        foreach (var (reservation, paymentId, email, start) in new[] { (captured, capturedPayment, "captured@example.jp", capturedStart), (atGateway, gatewayPayment, "gateway@example.jp", atGatewayStart) })
        {
            Assert.Equal(ReservationStatus.Confirmed, (await ReservationAsync(reservation.Id)).Status);
            Assert.Equal(PaymentStatus.Captured, (await PaymentAsync(paymentId)).Status);
            Assert.Equal(1, await TakenAsync(start));
            var subjects = await SubjectsToAsync(email);
            Assert.Single(subjects, s => s.Contains("予約確定", StringComparison.Ordinal));
            Assert.DoesNotContain(subjects, s => s.Contains("失効", StringComparison.Ordinal));
        }

        Assert.Equal(Refusal.Full, (await BookAsync(capturedStart, "other@example.jp")).Refusal);
    }

    [Fact]
    public async Task CaptureRacingTheLapse_NeverLeavesALapsedBookingWithACapturedPayment()
    {
        var starts = Enumerable.Range(0, 9).Select(i => Jst(12, 15 + (i / 3), SlotHours[i % 3])).ToList();
        var booked = new List<(Guid ReservationId, Guid PaymentId, DateTime Start)>();
        foreach (var (start, i) in starts.Select((s, i) => (s, i)))
        {
            var reservation = (await BookAsync(start, $"race{i}@example.jp")).Reservation!;
            booked.Add((reservation.Id, await StartPaymentAsync(reservation.Id), start));
        }

        _clock.Now = _clock.Now.AddDays(3).AddMinutes(1);
        var captures = booked.Select(b => Task.Run(() => InScopeAsync((services, _, _) =>
            services.GetRequiredService<PaymentService>().ApplyAsync(b.PaymentId, new GatewayEvent(PaymentStatus.Captured, 1200, null, "webhook"), Ct)), Ct));
        await Task.WhenAll([.. captures, Task.Run(RunMaintenanceAsync, Ct)]);
        await RunMaintenanceAsync();

        foreach (var (reservationId, paymentId, start) in booked)
        {
            var status = (await ReservationAsync(reservationId)).Status;
            var payment = (await PaymentAsync(paymentId)).Status;
            Assert.True((status == ReservationStatus.Confirmed && payment == PaymentStatus.Captured) || (status == ReservationStatus.Lapsed && payment == PaymentStatus.Cancelled),
                $"booking {status} with payment {payment}");
            Assert.Equal(status == ReservationStatus.Confirmed ? 1 : 0, await TakenAsync(start));
        }
    }
}
