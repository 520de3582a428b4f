using System.Globalization;
using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>The booking behind its unguessable link: details, .ics, change, cancel, and lottery confirmation.</summary>
public sealed class ManageModel(BookingService bookings, LotteryService lotteries, BookingPayments payments, BookingLinks links, MadoguchiDb db, TimeProvider clock, IStringLocalizer<BookingsResource> t,
    IProcedureCatalog procedures, IProcedureForms forms) : PageModel
{
    public Reservation? Reservation { get; private set; }
    public Resource? Resource { get; private set; }
    public string Token { get; private set; } = "";
    public string IcsUrl { get; private set; } = "";
    public bool CanChange { get; private set; }
    public bool Done { get; private set; }

    /// <summary>The payment was found captured on this visit (back from the gateway): now 本予約.</summary>
    public bool JustPaid { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public IReadOnlyList<SlotView> Alternatives { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The procedure this visit is for, when it can be prepared online before coming (書かない窓口).</summary>
    public ProcedureInfo? PrepareProcedure { get; private set; }
    public string? PrepareUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, string? token, bool done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, token, cancellationToken))
        {
            return NotFound();
        }

        Done = done;
        if (Reservation!.AwaitsPayment && await payments.ConfirmIfPaidAsync(Reservation, cancellationToken))
        {
            JustPaid = true;
            db.ChangeTracker.Clear();
            await LoadAsync(reference, token, cancellationToken);
        }

        if (Resource!.ProcedureSlug is { } slug && Reservation!.Status is ReservationStatus.Confirmed or ReservationStatus.Provisional
            && await procedures.FindAsync(slug, cancellationToken) is { } procedure
            && await forms.CurrentAsync(procedure.Id, procedure.Slug, cancellationToken) is { } form)
        {
            PrepareProcedure = procedure;
            PrepareUrl = form.ApplyUrl;
        }

        Message = (string?)TempData["BookingMessage"];
        MessageIsError = TempData["BookingMessageIsError"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, token, cancellationToken))
        {
            return NotFound();
        }

        var refusal = await bookings.CancelAsync(Reservation!, byStaff: false, cancellationToken);
        return Back(refusal == Refusal.None ? t["Cancelled"] : RefusalText.Text(refusal, English), refusal != Refusal.None);
    }

    public async Task<IActionResult> OnPostChangeAsync(string reference, string? token, string? start, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, token, cancellationToken))
        {
            return NotFound();
        }

        if (!BookingsApi.TryInstant(start, out var startUtc))
        {
            return Back(t["ChooseASlot"], error: true);
        }

        var refusal = await bookings.ChangeAsync(Reservation!, startUtc, cancellationToken);
        return Back(refusal == Refusal.None ? t["Changed"] : RefusalText.Text(refusal, English), refusal != Refusal.None);
    }

    public async Task<IActionResult> OnPostConfirmAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, token, cancellationToken))
        {
            return NotFound();
        }

        var confirmed = await lotteries.ConfirmAsync(Reservation!, cancellationToken);
        return Back(confirmed ? t["WinConfirmed"] : t["WinNotConfirmed"], !confirmed);
    }

    /// <summary>Starts (or continues) the online payment of a 仮予約 and sends the person to the gateway; they come back here.</summary>
    public async Task<IActionResult> OnPostPayAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(reference, token, cancellationToken))
        {
            return NotFound();
        }

        var next = await payments.StartAsync(Reservation!, links.Manage(Reservation!.Reference, Token), cancellationToken);
        return next is null ? Back(t["PayNotPossible"], error: true) : LocalRedirect(next);
    }

    private RedirectResult Back(string message, bool error)
    {
        TempData["BookingMessage"] = message;
        TempData["BookingMessageIsError"] = error;
        return Redirect($"/bookings/manage/{Reservation!.Reference}?token={Uri.EscapeDataString(Token)}");
    }

    private async Task<bool> LoadAsync(string reference, string? token, CancellationToken cancellationToken)
    {
        Reservation = await bookings.FindByTokenAsync(reference, token, cancellationToken);
        if (Reservation is null)
        {
            return false;
        }

        Token = token!;
        Resource = await db.Set<Resource>().AsNoTracking().FirstAsync(r => r.Id == Reservation.ResourceId, cancellationToken);
        IcsUrl = new Uri(links.Ics(Reservation.Reference, Token)).PathAndQuery;
        CanChange = bookings.CanStillChange(Reservation, Resource);
        if (CanChange && Reservation.Status == ReservationStatus.Confirmed)
        {
            var today = Tokyo.Today(clock);
            Alternatives = [.. (await bookings.AvailabilityAsync(Resource, today, today.AddDays(13), cancellationToken))
                .Where(s => s.IsFree && s.StartsAt != Reservation.StartsAt).Take(30)];
        }

        return true;
    }
}
