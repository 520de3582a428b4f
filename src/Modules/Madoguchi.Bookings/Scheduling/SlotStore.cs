using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Scheduling;

/// <summary>
/// The only code that changes <see cref="Slot.Taken"/>: single conditional UPDATEs, so the check and
/// the change are one atomic statement on both databases (ADR 0030). On PostgreSQL a second UPDATE of
/// the same row waits for the first to commit and re-checks its WHERE on the new row; SQLite has one
/// writer at a time. The CHECK constraint would refuse an over-full row even if a bug slipped past.
/// </summary>
public sealed class SlotStore(MadoguchiDb db)
{
    /// <summary>The slot row of <paramref name="resource"/> at <paramref name="startUtc"/>, written if missing (race-free: INSERT … ON CONFLICT DO NOTHING).</summary>
    public async Task<Slot> EnsureAsync(Resource resource, DateTime startUtc, DateTime endUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var existing = await FindAsync(resource.Id, startUtc, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var id = Guid.NewGuid();
        var organizationId = db.CurrentOrganizationId;
        var start = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        var end = DateTime.SpecifyKind(endUtc, DateTimeKind.Utc);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO bookings_slots (\"Id\", \"OrganizationId\", \"ResourceId\", \"StartsAt\", \"EndsAt\", \"Capacity\", \"Taken\") VALUES ({id}, {organizationId}, {resource.Id}, {start}, {end}, {resource.Capacity}, {0}) ON CONFLICT (\"ResourceId\", \"StartsAt\") DO NOTHING",
            cancellationToken);
        return await FindAsync(resource.Id, startUtc, cancellationToken)
            ?? throw new InvalidOperationException("The slot row was not written.");
    }

    public Task<Slot?> FindAsync(Guid resourceId, DateTime startUtc, CancellationToken cancellationToken) =>
        db.Set<Slot>().AsNoTracking().FirstOrDefaultAsync(s => s.ResourceId == resourceId && s.StartsAt == startUtc, cancellationToken);

    /// <summary>Takes one place if one is left and no lottery holds the slot. True when taken.</summary>
    public async Task<bool> TryTakeAsync(Guid slotId, CancellationToken cancellationToken, bool forLottery = false) =>
        await db.Set<Slot>()
            .Where(s => s.Id == slotId && s.Taken < s.Capacity && (forLottery || s.LotteryId == null))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), cancellationToken) == 1;

    /// <summary>Gives back <paramref name="places"/> places (never below zero: the CHECK constraint).</summary>
    public Task ReleaseAsync(Guid slotId, int places, CancellationToken cancellationToken) =>
        places <= 0
            ? Task.CompletedTask
            : db.Set<Slot>().Where(s => s.Id == slotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - places), cancellationToken);

    /// <summary>Locks the slot row until the transaction ends (PostgreSQL), so freed places are handed out one at a time.</summary>
    public Task LockAsync(Guid slotId, CancellationToken cancellationToken) =>
        db.Set<Slot>().Where(s => s.Id == slotId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken), cancellationToken);
}
