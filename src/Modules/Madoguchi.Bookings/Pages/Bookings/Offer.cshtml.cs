using System.Globalization;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Bookings.Waitlist;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>A waitlist offer: take the freed place before the deadline, or pass it on.</summary>
public sealed class OfferModel(WaitlistService waitlist, MadoguchiDb db, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    public WaitlistEntry? Entry { get; private set; }
    public Resource? Resource { get; private set; }
    public string Token { get; private set; } = "";
    public bool Open { get; private set; }
    public string? Message { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken cancellationToken) =>
        await LoadAsync(token, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAcceptAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        var result = await waitlist.AcceptAsync(Token, cancellationToken);
        if (!result.Succeeded)
        {
            Message = t["OfferExpired"];
            Open = false;
            return Page();
        }

        return Redirect($"/bookings/manage/{result.Reservation!.Reference}?token={Uri.EscapeDataString(result.ManageToken!)}&done=true");
    }

    public async Task<IActionResult> OnPostDeclineAsync(string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(token, cancellationToken))
        {
            return NotFound();
        }

        await waitlist.DeclineAsync(Token, cancellationToken);
        Message = t["OfferDeclined"];
        Open = false;
        return Page();
    }

    private async Task<bool> LoadAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        Entry = await waitlist.FindOfferAsync(token, cancellationToken);
        if (Entry is null)
        {
            return false;
        }

        Token = token;
        Resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == Entry.ResourceId, cancellationToken);
        Open = Entry.Status == WaitlistStatus.Offered && Entry.OfferExpiresAt > clock.GetUtcNow().UtcDateTime;
        if (!Open && Entry.Status != WaitlistStatus.Accepted)
        {
            Message = t["OfferExpired"];
        }

        return true;
    }
}
