using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>A resource's bookings (from 30 days ago, 90 days ahead) as an iCalendar feed for staff calendars.</summary>
public sealed class FeedModel(MadoguchiDb db, TenantContext tenant, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var resource = await db.Set<Resource>().AsNoTracking().FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        if (resource is null || !scope.Allows(resource.DepartmentId))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-30);
        var to = now.AddDays(90);
        var reservations = await db.Set<Reservation>().AsNoTracking()
            .Where(r => r.ResourceId == resource.Id && r.StartsAt >= from && r.StartsAt < to
                && (r.Status == ReservationStatus.Confirmed || r.Status == ReservationStatus.Provisional || r.Status == ReservationStatus.NoShow))
            .OrderBy(r => r.StartsAt).ToListAsync(cancellationToken);
        var organization = tenant.Organization!;
        return Content(IcsBuilder.Feed(resource, reservations, organization.Code, organization.NameJa, now), IcsBuilder.ContentType + "; charset=utf-8");
    }
}
