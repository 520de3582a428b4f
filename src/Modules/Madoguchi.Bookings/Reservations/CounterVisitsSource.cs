using Madoguchi.Bookings.Scheduling;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Reservations;

/// <summary>
/// Offers today's 来庁予約 to the counter (書かない窓口) through the forms contract: the visit's
/// procedure, and what the citizen gave when booking (name, email, phone) under the meanings a form
/// field's <c>prefill</c> uses. Answers to the resource's own questions are not mapped: their keys
/// have no agreed meaning outside the booking.
/// </summary>
internal sealed class CounterVisitsSource(MadoguchiDb db, TimeProvider clock) : ICounterVisits
{
    public async Task<IReadOnlyList<CounterVisit>> TodayAsync(IReadOnlyCollection<Guid> departmentIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(departmentIds);
        var today = Tokyo.Today(clock);
        var dayStart = Tokyo.ToUtc(today, TimeOnly.MinValue);
        var dayEnd = dayStart.AddDays(1);
        var ids = departmentIds.ToList();
        var rows = await (from r in db.Set<Reservation>().AsNoTracking()
                          join resource in db.Set<Resource>().AsNoTracking() on r.ResourceId equals resource.Id
                          where resource.Kind == ResourceKind.Counter && resource.ProcedureSlug != null && ids.Contains(resource.DepartmentId)
                                && r.StartsAt >= dayStart && r.StartsAt < dayEnd && r.Status == ReservationStatus.Confirmed
                          orderby r.StartsAt
                          select new { Reservation = r, resource.ProcedureSlug, resource.DepartmentId, resource.NameJa, resource.NameEn })
            .Take(200).ToListAsync(cancellationToken);
        return [.. rows.Select(x => Visit(x.Reservation, x.ProcedureSlug!, x.DepartmentId, x.NameJa, x.NameEn))];
    }

    public async Task<CounterVisit?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from r in db.Set<Reservation>().AsNoTracking()
                         join resource in db.Set<Resource>().AsNoTracking() on r.ResourceId equals resource.Id
                         where r.Id == id && resource.ProcedureSlug != null
                         select new { Reservation = r, resource.ProcedureSlug, resource.DepartmentId, resource.NameJa, resource.NameEn })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Visit(row.Reservation, row.ProcedureSlug!, row.DepartmentId, row.NameJa, row.NameEn);
    }

    private static CounterVisit Visit(Reservation r, string procedureSlug, Guid departmentId, string nameJa, string nameEn)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = r.Name, ["email"] = r.Email };
        if (!string.IsNullOrWhiteSpace(r.Phone))
        {
            known["phone"] = r.Phone;
        }

        return new CounterVisit(r.Id, r.Reference, procedureSlug, departmentId, r.StartsAt, nameJa, nameEn, r.Name, known);
    }
}
