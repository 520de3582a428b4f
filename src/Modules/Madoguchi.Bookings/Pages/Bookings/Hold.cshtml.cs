using System.Globalization;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>
/// The details form while a place is held. Submitting twice (double click, back and resubmit) finds
/// the reservation the hold already made and shows it: never a second booking.
/// </summary>
public sealed class HoldModel(BookingService bookings, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public Resource? Resource { get; private set; }
    public DateTime StartsAt { get; private set; }
    public DateTime EndsAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public bool HoldActive { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public UserCategory Category { get; private set; }
    public Dictionary<string, string> Answers { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message(English);

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var hold = await LoadAsync(token, cancellationToken);
        if (hold is null)
        {
            return NotFound();
        }

        if (hold is { Status: HoldStatus.Converted, BookingId: { } id })
        {
            return await ShowReservationAsync(id, cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostBookAsync(string token, CancellationToken cancellationToken)
    {
        var hold = await LoadAsync(token, cancellationToken);
        if (hold is null)
        {
            return NotFound();
        }

        var form = Request.Form;
        Name = form["name"].ToString();
        Email = form["email"].ToString();
        Phone = form["phone"].ToString();
        Category = Enum.TryParse<UserCategory>(form["category"], out var category) && Enum.IsDefined(category) ? category : UserCategory.Resident;
        Answers = Resource!.Questions.ToDictionary(q => q.Key, q => form["answer-" + q.Key].ToString());
        var result = await bookings.BookAsync(Resource, StartsAt, new Person(Name, Email, Phone, Category), Answers, token, ReservationSource.Web, cancellationToken);
        if (result.Errors is { Count: > 0 } errors)
        {
            Errors = errors;
            return Page();
        }

        if (result.Refusal != Refusal.None)
        {
            Message = RefusalText.Text(result.Refusal, English);
            HoldActive = false;
            return Page();
        }

        return Redirect($"/bookings/manage/{result.Reservation!.Reference}?token={Uri.EscapeDataString(result.ManageToken!)}&done=true");
    }

    public async Task<IActionResult> OnPostReleaseAsync(string token, CancellationToken cancellationToken)
    {
        var hold = await LoadAsync(token, cancellationToken);
        if (hold is null)
        {
            return NotFound();
        }

        await bookings.ReleaseHoldAsync(token, cancellationToken);
        return Redirect($"/bookings/{Resource!.Slug}#availability");
    }

    private async Task<Hold?> LoadAsync(string token, CancellationToken cancellationToken)
    {
        var hold = await bookings.FindHoldAsync(token, cancellationToken);
        if (hold is null)
        {
            return null;
        }

        Resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == hold.ResourceId, cancellationToken);
        var slot = await db.Set<Slot>().AsNoTracking().FirstAsync(s => s.Id == hold.SlotId, cancellationToken);
        StartsAt = slot.StartsAt;
        EndsAt = slot.EndsAt;
        ExpiresAt = hold.ExpiresAt;
        HoldActive = hold.Status == HoldStatus.Active && hold.ExpiresAt > clock.GetUtcNow().UtcDateTime;
        return hold;
    }

    private async Task<IActionResult> ShowReservationAsync(Guid reservationId, CancellationToken cancellationToken)
    {
        var reservation = await db.Set<Reservation>().AsNoTracking().FirstAsync(r => r.Id == reservationId, cancellationToken);
        return Redirect($"/bookings/manage/{reservation.Reference}?token={Uri.EscapeDataString(bookings.ManageTokenOf(reservation))}&done=true");
    }
}
