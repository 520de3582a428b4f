using System.Globalization;
using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>キャンセル待ち for a full slot.</summary>
public sealed class WaitlistModel(BookingService bookings, WaitlistService waitlist, IStringLocalizer<BookingsResource> t) : PageModel
{
    public Resource? Resource { get; private set; }
    public DateTime StartsAt { get; private set; }
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public int? Joined { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<FieldError> Errors { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string slug, string? start, CancellationToken cancellationToken)
    {
        Resource = await bookings.FindResourceAsync(slug, cancellationToken);
        if (Resource is null || !BookingsApi.TryInstant(start, out var startUtc))
        {
            return NotFound();
        }

        StartsAt = startUtc;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string? start, string? name, string? email, CancellationToken cancellationToken)
    {
        Resource = await bookings.FindResourceAsync(slug, cancellationToken);
        if (Resource is null || !BookingsApi.TryInstant(start, out var startUtc))
        {
            return NotFound();
        }

        StartsAt = startUtc;
        Name = name ?? "";
        Email = email ?? "";
        var result = await waitlist.JoinAsync(Resource, startUtc, Name, Email, cancellationToken);
        if (result.Errors is { Count: > 0 } errors)
        {
            Errors = errors;
        }
        else if (result.Refusal == Refusal.NotASlot)
        {
            Message = t["WaitlistNotFull"];
        }
        else if (result.Refusal != Refusal.None)
        {
            Message = RefusalText.Text(result.Refusal, English);
        }
        else
        {
            Joined = result.Ahead;
        }

        return Page();
    }
}
