using Madoguchi.Bookings.Scheduling;
using Madoguchi.Payments.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Bookings.Reservations;

/// <summary>What the lapse step did with one provisional booking.</summary>
public enum LapseOutcome
{
    /// <summary>Not due, or another run got there first.</summary>
    Nothing,

    /// <summary>It was paid (perhaps a moment ago): confirmed, not lapsed.</summary>
    Confirmed,

    /// <summary>Unpaid at its deadline: 失効, the place given back, the person told.</summary>
    Lapsed,
}

/// <summary>
/// Paying for a booking with a fee (ADR 0062): a 仮予約 holds its place; it is paid online through the
/// payments module (<see cref="IPaymentRequests"/>, reference <c>booking:{id}</c>), then confirmed (本予約);
/// unpaid at its deadline (<see cref="Reservation.ConfirmBy"/>) it lapses (失効) and its place goes to
/// the waitlist or back to the slot. Every change is conditional on the booking still being
/// provisional, in one transaction with the payment's settlement, so a booking paid in time never lapses
/// and two runs lapse it once.
/// </summary>
public sealed partial class BookingPayments(
    MadoguchiDb db,
    BookingService bookings,
    IPaymentRequests requests,
    IPaymentStatus payments,
    TimeProvider clock,
    ILogger<BookingPayments> logger)
{
    /// <summary>At most this many bookings per maintenance step (the next pass takes the rest).</summary>
    public const int BatchSize = 200;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static string PaymentReference(Reservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return PaymentReferences.Booking(reservation.Id);
    }

    /// <summary>
    /// Where to send the person to pay (the gateway's page, or the receipt when already paid); null when
    /// the booking no longer awaits payment (paid, lapsed, cancelled, or its deadline has passed).
    /// </summary>
    public Task<string?> StartAsync(Reservation reservation, string returnUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        return bookings.InTransactionAsync(async () =>
        {
            var now = Now;

            // Locks the booking's row for this transaction: a lapse running now either finished first
            // (then nothing is started) or waits and then cancels the payment started here.
            if (await db.Set<Reservation>()
                    .Where(r => r.Id == reservation.Id && r.Status == ReservationStatus.Provisional && r.FeeYen > 0 && r.ConfirmBy > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, r => r.UpdatedAt), cancellationToken) != 1)
            {
                return null;
            }

            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
            var description = $"{resource.NameJa} 使用料（{reservation.Reference}）";
            return await requests.StartAsync(new PaymentRequest(PaymentReference(reservation), reservation.FeeYen, description, returnUrl, resource.DepartmentId), cancellationToken);
        }, cancellationToken);
    }

    /// <summary>A provisional booking whose fee is paid becomes 本予約 (with a confirmation email); true when it did now.</summary>
    public async Task<bool> ConfirmIfPaidAsync(Reservation reservation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        if (!reservation.AwaitsPayment
            || (await payments.ForReferenceAsync(PaymentReference(reservation), cancellationToken)).State != PaymentState.Paid)
        {
            return false;
        }

        return await bookings.InTransactionAsync(() => ConfirmPaidAsync(reservation.Id, cancellationToken), cancellationToken);
    }

    /// <summary>Provisional bookings paid meanwhile (the person closed the tab after paying) are confirmed; returns how many.</summary>
    public async Task<int> ConfirmAllPaidAsync(CancellationToken cancellationToken)
    {
        var waiting = await db.Set<Reservation>().AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Provisional && r.FeeYen > 0)
            .OrderBy(r => r.ConfirmBy).Select(r => r.Id).Take(BatchSize * 5)
            .ToListAsync(cancellationToken);
        var paid = await requests.PaidAmongAsync([.. waiting.Select(PaymentReferences.Booking)], cancellationToken);
        var confirmed = 0;
        foreach (var id in waiting.Where(id => paid.Contains(PaymentReferences.Booking(id))))
        {
            if (await bookings.InTransactionAsync(() => ConfirmPaidAsync(id, cancellationToken), cancellationToken))
            {
                confirmed++;
            }
        }

        return confirmed;
    }

    /// <summary>Unpaid provisional bookings past their deadline lapse (or are confirmed, if paid at the last moment).</summary>
    public async Task<int> LapseDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Set<Reservation>().AsNoTracking()
            .Where(r => r.Status == ReservationStatus.Provisional && r.FeeYen > 0 && r.ConfirmBy <= now)
            .OrderBy(r => r.ConfirmBy).Select(r => r.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var lapsed = 0;
        foreach (var id in due)
        {
            if (await LapseAsync(id, cancellationToken) == LapseOutcome.Lapsed)
            {
                lapsed++;
            }
        }

        return lapsed;
    }

    /// <summary>
    /// One booking at its deadline, in one transaction: claim it (a conditional update that also locks the
    /// row, so a second run waits and then finds it no longer provisional), settle its payment (the
    /// gateway is asked; an unreported capture counts; the unpaid rest is cancelled), then confirm it if
    /// paid, else lapse it and free its place.
    /// </summary>
    public async Task<LapseOutcome> LapseAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if (await db.Set<Reservation>()
                .Where(r => r.Id == reservationId && r.Status == ReservationStatus.Provisional && r.FeeYen > 0 && r.ConfirmBy <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, now), cancellationToken) != 1)
        {
            return LapseOutcome.Nothing;
        }

        var outcome = LapseOutcome.Confirmed;
        if (await requests.SettleOrCancelAsync(PaymentReferences.Booking(reservationId), cancellationToken) == PaymentState.Paid)
        {
            await ConfirmPaidAsync(reservationId, cancellationToken);
        }
        else
        {
            outcome = LapseOutcome.Lapsed;
            if (await db.Set<Reservation>().Where(r => r.Id == reservationId && r.Status == ReservationStatus.Provisional)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Lapsed).SetProperty(r => r.UpdatedAt, now)
                        .SetProperty(r => r.Sequence, r => r.Sequence + 1), cancellationToken) != 1)
            {
                return LapseOutcome.Nothing; // cannot happen while the claim holds the row; never free a place twice
            }

            var reservation = await db.Set<Reservation>().AsNoTracking().FirstAsync(r => r.Id == reservationId, cancellationToken);
            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
            await bookings.PlacesFreedAsync(reservation.SlotId, 1, cancellationToken);
            bookings.Send(BookingEmails.Kind.Lapsed, reservation, resource, bookings.ManageTokenOf(reservation));
            await db.SaveChangesAsync(cancellationToken);
            LogLapsed(logger, reservation.Reference);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// Lapsed bookings of <paramref name="reservations"/> whose fee was captured all the same (a late
    /// capture at the gateway, or a retry on the payment page after the lapse): staff must refund them.
    /// </summary>
    public async Task<IReadOnlySet<Guid>> PaidAfterLapseAsync(IEnumerable<Reservation> reservations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reservations);
        var lapsed = reservations.Where(r => r.Status == ReservationStatus.Lapsed && r.FeeYen > 0).ToList();
        var paid = await requests.PaidAmongAsync([.. lapsed.Select(PaymentReference)], cancellationToken);
        var ids = lapsed.Where(r => paid.Contains(PaymentReference(r))).Select(r => r.Id).ToHashSet();
        foreach (var reservation in lapsed.Where(r => ids.Contains(r.Id)))
        {
            LogPaidAfterLapse(logger, reservation.Reference);
        }

        return ids;
    }

    /// <summary>Provisional → confirmed with the 予約確定 email, in the caller's transaction; false when it was not provisional.</summary>
    private async Task<bool> ConfirmPaidAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        var now = Now;
        if (await db.Set<Reservation>().Where(r => r.Id == reservationId && r.Status == ReservationStatus.Provisional && r.FeeYen > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReservationStatus.Confirmed).SetProperty(r => r.UpdatedAt, now), cancellationToken) != 1)
        {
            return false;
        }

        var reservation = await db.Set<Reservation>().AsNoTracking().FirstAsync(r => r.Id == reservationId, cancellationToken);
        var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
        bookings.Send(BookingEmails.Kind.Paid, reservation, resource, bookings.ManageTokenOf(reservation));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Provisional booking {Reference} lapsed unpaid at its payment deadline; its place is free again.")]
    private static partial void LogLapsed(ILogger logger, string reference);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Booking {Reference} lapsed but its fee was captured: staff must refund it.")]
    private static partial void LogPaidAfterLapse(ILogger logger, string reference);
}
