using System.Globalization;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>Staff calendar (予約一覧): a week of one resource of the member's departments; no-show and cancellation.</summary>
public sealed class IndexModel(MadoguchiDb db, BookingService bookings, BookingPayments payments, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    public IReadOnlyList<Resource> Resources { get; private set; } = [];
    public Resource? Resource { get; private set; }
    public DateOnly From { get; private set; }
    public DateTime Now { get; private set; }
    public IReadOnlyList<Reservation> Reservations { get; private set; } = [];

    /// <summary>Lapsed bookings of the week whose fee was captured all the same: to refund.</summary>
    public IReadOnlySet<Guid> PaidAfterLapse { get; private set; } = new HashSet<Guid>();
    public string? Message { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(string? resource, string? week, CancellationToken cancellationToken)
    {
        Message = (string?)TempData["StaffBookingMessage"];
        await LoadAsync(resource, week, cancellationToken);
    }

    public async Task<IActionResult> OnPostNoShowAsync(Guid id, string? resource, string? week, CancellationToken cancellationToken)
    {
        if (!await MayTouchAsync(id, cancellationToken))
        {
            return NotFound();
        }

        TempData["StaffBookingMessage"] = await bookings.MarkNoShowAsync(id, cancellationToken) ? t["StaffMarkedNoShow"].Value : t["StaffNotChanged"].Value;
        return Redirect($"/staff/bookings?resource={Uri.EscapeDataString(resource ?? "")}&week={Uri.EscapeDataString(week ?? "")}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string? resource, string? week, CancellationToken cancellationToken)
    {
        if (!await MayTouchAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var reservation = await db.Set<Reservation>().FirstAsync(r => r.Id == id, cancellationToken);
        var refusal = await bookings.CancelAsync(reservation, byStaff: true, cancellationToken);
        TempData["StaffBookingMessage"] = refusal == Refusal.None ? t["Cancelled"].Value : RefusalText.Text(refusal, English);
        return Redirect($"/staff/bookings?resource={Uri.EscapeDataString(resource ?? "")}&week={Uri.EscapeDataString(week ?? "")}");
    }

    private async Task<bool> MayTouchAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        var reservation = await db.Set<Reservation>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reservation is null)
        {
            return false;
        }

        var resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == reservation.ResourceId, cancellationToken);
        return scope.Allows(resource.DepartmentId);
    }

    private async Task LoadAsync(string? slug, string? week, CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        var all = await db.Set<Resource>().AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ToListAsync(cancellationToken);
        Resources = [.. all.Where(r => scope.Allows(r.DepartmentId))];
        Resource = Resources.FirstOrDefault(r => r.Slug == slug) ?? (Resources.Count > 0 ? Resources[0] : null);
        From = DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w) ? w : Tokyo.Today(clock);
        if (Resource is null)
        {
            return;
        }

        var fromUtc = Tokyo.ToUtc(From, TimeOnly.MinValue);
        var toUtc = fromUtc.AddDays(7);
        var id = Resource.Id;
        Reservations = await db.Set<Reservation>().AsNoTracking()
            .Where(r => r.ResourceId == id && r.StartsAt >= fromUtc && r.StartsAt < toUtc)
            .OrderBy(r => r.StartsAt).ThenBy(r => r.Reference)
            .ToListAsync(cancellationToken);
        PaidAfterLapse = await payments.PaidAfterLapseAsync(Reservations, cancellationToken);
    }
}
