using System.Security.Claims;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Admin;

/// <summary>A future slot that already holds more places than a proposed capacity.</summary>
public sealed record TakenSlot(DateTime StartsAt, int Taken);

/// <summary>
/// Who may set up bookable resources and lotteries, and the save that keeps existing reservations
/// valid (ADR 0035): a capacity change is carried to the future slots already written, and refused
/// when any of them already holds more places than the new capacity.
/// </summary>
public sealed class ResourceAdministration(MadoguchiDb db, TimeProvider clock)
{
    /// <summary>決裁者・所属管理者 of the department, or a system administrator.</summary>
    public static async Task<IReadOnlySet<Guid>?> AdministeredDepartmentsAsync(MadoguchiDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(StaffRoles.SystemAdmin))
        {
            return null;
        }

        if (!user.IsInRole(StaffRoles.Approver) && !user.IsInRole(StaffRoles.DepartmentAdmin))
        {
            return new HashSet<Guid>();
        }

        var scope = await DepartmentScope.ForAsync(db, user, cancellationToken);
        return scope.DepartmentIds;
    }

    public static bool May(IReadOnlySet<Guid>? administered, Guid departmentId) => administered is null || administered.Contains(departmentId);

    /// <summary>Future slots (from now) of the resource holding more than <paramref name="capacity"/> places.</summary>
    public Task<List<TakenSlot>> OverCapacityAsync(Guid resourceId, int capacity, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Set<Slot>().AsNoTracking()
            .Where(s => s.ResourceId == resourceId && s.EndsAt > now && s.Taken > capacity)
            .OrderBy(s => s.StartsAt)
            .Select(s => new TakenSlot(s.StartsAt, s.Taken))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Writes <paramref name="values"/> to the tracked <paramref name="resource"/>. When the capacity
    /// changes, future slots take the new capacity in the same transaction, each only if it still fits
    /// (a booking landing meanwhile is caught by the re-check and the whole save is undone).
    /// Returns the slots that refuse the new capacity (nothing saved), or an empty list when saved.
    /// Throws <see cref="DbUpdateConcurrencyException"/> when someone else saved first.
    /// </summary>
    public async Task<List<TakenSlot>> SaveAsync(Resource resource, ResourceValues values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(values);
        var now = clock.GetUtcNow().UtcDateTime;
        var capacityChanged = resource.Capacity != values.Capacity;
        if (capacityChanged && await OverCapacityAsync(resource.Id, values.Capacity, cancellationToken) is { Count: > 0 } over)
        {
            return over;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        values.ApplyTo(resource, now);
        await db.SaveChangesAsync(cancellationToken);
        if (capacityChanged)
        {
            var id = resource.Id;
            var capacity = values.Capacity;
            await db.Set<Slot>().Where(s => s.ResourceId == id && s.EndsAt > now && s.Taken <= capacity)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Capacity, capacity), cancellationToken);
            if (await OverCapacityAsync(id, capacity, cancellationToken) is { Count: > 0 } late)
            {
                // A place was taken between the check and the update: undo everything (disposing rolls back).
                return late;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return [];
    }
}
