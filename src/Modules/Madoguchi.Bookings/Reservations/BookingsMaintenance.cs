using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Bookings.Reservations;

/// <summary>
/// The bookings' clock work, for every organisation in turn: lapsed holds give their place back,
/// waitlist offers past their deadline pass on, reminders go out the day before (from 09:00 JST),
/// paid provisional bookings (仮予約) are confirmed and unpaid ones past their deadline lapse (失効),
/// and lotteries past their confirmation deadline release unconfirmed wins and open first-come.
/// Every step is a conditional update, so several instances may run it at once.
/// </summary>
public sealed partial class BookingsMaintenance(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BookingsMaintenance> logger) : BackgroundService
{
    /// <summary>Reminders go out from this time (JST) on the day before.</summary>
    public static readonly TimeOnly ReminderTime = new(9, 0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Bookings:MaintenanceEnabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Bookings:MaintenanceIntervalSeconds", 30.0)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over every organisation; <paramref name="clock"/> replaces the app's clock (tests).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        List<Organization> organizations;
        await using (var scope = scopes.CreateAsyncScope())
        {
            organizations = await scope.ServiceProvider.GetRequiredService<MadoguchiDb>().Organizations.AsNoTracking().ToListAsync(cancellationToken);
        }

        foreach (var organization in organizations)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<TenantContext>().Set(organization);
            var now = clock ?? services.GetRequiredService<TimeProvider>();
            var bookings = ActivatorUtilities.CreateInstance<BookingService>(services, now);
            await bookings.InTransactionAsync(() => bookings.ExpireHoldsAsync(null, cancellationToken), cancellationToken);
            await ActivatorUtilities.CreateInstance<WaitlistService>(services, now, bookings).ExpireOffersAsync(cancellationToken);
            await SendRemindersAsync(services, bookings, now, cancellationToken);

            // Paid 仮予約 are confirmed first; the unpaid past their deadline then lapse (before the lottery opens its slots).
            var payments = ActivatorUtilities.CreateInstance<BookingPayments>(services, now, bookings);
            await payments.ConfirmAllPaidAsync(cancellationToken);
            await payments.LapseDueAsync(cancellationToken);
            await ActivatorUtilities.CreateInstance<LotteryService>(services, now, bookings).CompleteDueAsync(cancellationToken);
        }
    }

    /// <summary>When the reminder of a booking starting at <paramref name="startUtc"/> is due (UTC).</summary>
    public static DateTime ReminderDueAt(DateTime startUtc) => Tokyo.ToUtc(Tokyo.DateOf(startUtc).AddDays(-1), ReminderTime);

    private static async Task SendRemindersAsync(IServiceProvider services, BookingService bookings, TimeProvider clock, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MadoguchiDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddHours(40);
        var candidates = await db.Set<Reservation>().AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Confirmed && r.ReminderSentAt == null && r.StartsAt > now && r.StartsAt <= horizon)
            .ToListAsync(cancellationToken);
        foreach (var reservation in candidates.Where(r => ReminderDueAt(r.StartsAt) <= now))
        {
            await bookings.InTransactionAsync(async () =>
            {
                // Claimed with a conditional update: another instance running the same pass sends nothing twice.
                if (await db.Set<Reservation>().Where(r => r.Id == reservation.Id && r.ReminderSentAt == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReminderSentAt, now), cancellationToken) != 1)
                {
                    return false;
                }

                // Booked after the reminder time: the confirmation just sent is reminder enough.
                if (reservation.CreatedAt < ReminderDueAt(reservation.StartsAt))
                {
                    var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
                    bookings.Send(BookingEmails.Kind.Reminder, reservation, resource, bookings.ManageTokenOf(reservation));
                    await db.SaveChangesAsync(cancellationToken);
                }

                return true;
            }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bookings maintenance pass failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
