using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Waitlist;

public sealed record JoinResult(Refusal Refusal, WaitlistEntry? Entry = null, IReadOnlyList<FieldError>? Errors = null, int Ahead = 0);

/// <summary>キャンセル待ち: join a full slot's waitlist, take an offered place, let an offer pass to the next person.</summary>
public sealed class WaitlistService(MadoguchiDb db, BookingService bookings, SlotStore slots, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Only a full slot has a waitlist; joining twice for the same slot answers with the first entry.</summary>
    public async Task<JoinResult> JoinAsync(Resource resource, DateTime startUtc, string name, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var errors = BookingService.ValidatePerson(new Person(name, email));
        if (errors.Count > 0)
        {
            return new JoinResult(Refusal.None, Errors: errors);
        }

        var refusal = Schedule.CheckTime(resource, startUtc, Now);
        if (refusal != Refusal.None)
        {
            return new JoinResult(refusal);
        }

        var slot = await slots.FindAsync(resource.Id, startUtc, cancellationToken);
        if (slot is null || slot.Taken < slot.Capacity)
        {
            return new JoinResult(Refusal.NotASlot); // not full: book it instead
        }

        var personKey = Tokens.PersonKey(email);
        var existing = await db.Set<WaitlistEntry>().FirstOrDefaultAsync(w => w.SlotId == slot.Id && w.PersonKey == personKey
            && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered), cancellationToken);
        if (existing is null)
        {
            // Arrival order is CreatedAt: a later joiner is always strictly later, even within one clock tick.
            var last = await db.Set<WaitlistEntry>().Where(w => w.SlotId == slot.Id).OrderByDescending(w => w.CreatedAt).Select(w => (DateTime?)w.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            var createdAt = last is { } l && l >= Now ? l.AddTicks(10) : Now;
            existing = new WaitlistEntry
            {
                Id = Guid.NewGuid(),
                ResourceId = resource.Id,
                SlotId = slot.Id,
                StartsAt = slot.StartsAt,
                Name = name.Trim(),
                Email = email.Trim(),
                PersonKey = personKey,
                Status = WaitlistStatus.Waiting,
                CreatedAt = createdAt,
            };
            db.Add(existing);
            await db.SaveChangesAsync(cancellationToken);
        }

        var ahead = await db.Set<WaitlistEntry>().CountAsync(w => w.SlotId == slot.Id && w.Status == WaitlistStatus.Waiting
            && w.CreatedAt < existing.CreatedAt, cancellationToken);
        return new JoinResult(Refusal.None, existing, Ahead: ahead);
    }

    public Task<WaitlistEntry?> FindOfferAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Tokens.Hash(token);
        return db.Set<WaitlistEntry>().AsNoTracking().FirstOrDefaultAsync(w => w.OfferTokenHash == hash, cancellationToken);
    }

    /// <summary>Takes the offered place: the reservation uses the place kept for the offer (no new place is taken).</summary>
    public Task<BookingResult> AcceptAsync(string token, CancellationToken cancellationToken) =>
        bookings.InTransactionAsync(async () =>
        {
            var entry = await FindOfferAsync(token, cancellationToken);
            if (entry is { Status: WaitlistStatus.Accepted, ReservationId: { } madeId })
            {
                var made = await db.Set<Reservation>().AsNoTracking().FirstAsync(r => r.Id == madeId, cancellationToken);
                return new BookingResult(Refusal.None, made, bookings.ManageTokenOf(made), AlreadyMade: true);
            }

            if (entry is null || entry.Status != WaitlistStatus.Offered || entry.OfferExpiresAt <= Now)
            {
                return new BookingResult(Refusal.CancelDeadlinePassed);
            }

            // Conditional, so the expiry job and this accept cannot both win.
            var now = Now;
            if (await db.Set<WaitlistEntry>().Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Offered && w.OfferExpiresAt > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Accepted), cancellationToken) != 1)
            {
                return new BookingResult(Refusal.CancelDeadlinePassed);
            }

            var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == entry.ResourceId, cancellationToken);
            var slot = await db.Set<Slot>().AsNoTracking().FirstAsync(s => s.Id == entry.SlotId, cancellationToken);
            var (reservation, manageToken) = bookings.NewReservation(resource, slot, new Person(entry.Name, entry.Email), entry.PersonKey, new Dictionary<string, string>(), ReservationSource.Waitlist);
            db.Add(reservation);
            await db.SaveChangesAsync(cancellationToken);
            await db.Set<WaitlistEntry>().Where(w => w.Id == entry.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.ReservationId, reservation.Id), cancellationToken);
            bookings.Send(BookingEmails.Kind.Confirmed, reservation, resource, manageToken);
            await db.SaveChangesAsync(cancellationToken);
            return new BookingResult(Refusal.None, reservation, manageToken);
        }, cancellationToken);

    /// <summary>Declining passes the place to the next person at once.</summary>
    public Task<bool> DeclineAsync(string token, CancellationToken cancellationToken) =>
        bookings.InTransactionAsync(async () =>
        {
            var entry = await FindOfferAsync(token, cancellationToken);
            return entry is not null && await PassAsync(entry.Id, entry.SlotId, cancellationToken);
        }, cancellationToken);

    /// <summary>Offers past their deadline pass to the next person (run by the maintenance job).</summary>
    public async Task<int> ExpireOffersAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Set<WaitlistEntry>().AsNoTracking()
            .Where(w => w.Status == WaitlistStatus.Offered && w.OfferExpiresAt <= now)
            .Select(w => new { w.Id, w.SlotId })
            .ToListAsync(cancellationToken);
        var passed = 0;
        foreach (var offer in due)
        {
            if (await bookings.InTransactionAsync(() => PassAsync(offer.Id, offer.SlotId, cancellationToken), cancellationToken))
            {
                passed++;
            }
        }

        return passed;
    }

    private async Task<bool> PassAsync(Guid entryId, Guid slotId, CancellationToken cancellationToken)
    {
        if (await db.Set<WaitlistEntry>().Where(w => w.Id == entryId && w.Status == WaitlistStatus.Offered)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Passed), cancellationToken) != 1)
        {
            return false;
        }

        await bookings.PlacesFreedAsync(slotId, 1, cancellationToken);
        return true;
    }
}
