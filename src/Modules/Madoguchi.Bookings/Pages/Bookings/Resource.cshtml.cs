using System.Globalization;
using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Madoguchi.Procedures.Contracts;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>A resource's week of slots; choosing one holds it and opens the form (no JavaScript needed).</summary>
public sealed class ResourceModel(BookingService bookings, IProcedureCatalog procedures, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    /// <summary>The procedure this visit is for (転入 etc.), from the procedure catalog's contract.</summary>
    public ProcedureInfo? Procedure { get; private set; }

    public Resource? Resource { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public DateOnly? PreviousWeek { get; private set; }
    public DateOnly? NextWeek { get; private set; }
    public IReadOnlyList<DateOnly> Days { get; private set; } = [];
    public IReadOnlyList<SlotView> Slots { get; private set; } = [];
    public string? Message { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string slug, string? week, CancellationToken cancellationToken)
    {
        Resource = await bookings.FindResourceAsync(slug, cancellationToken);
        if (Resource is null)
        {
            return NotFound();
        }

        await LoadAsync(week, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostHoldAsync(string slug, string? start, CancellationToken cancellationToken)
    {
        Resource = await bookings.FindResourceAsync(slug, cancellationToken);
        if (Resource is null)
        {
            return NotFound();
        }

        if (!BookingsApi.TryInstant(start, out var startUtc))
        {
            Message = t["ChooseASlot"];
            await LoadAsync(null, cancellationToken);
            return Page();
        }

        var hold = await bookings.HoldAsync(Resource, startUtc, cancellationToken);
        if (hold.Refusal != Refusal.None)
        {
            Message = RefusalText.Text(hold.Refusal, English);
            await LoadAsync(Tokyo.DateOf(startUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
            return Page();
        }

        return Redirect($"/bookings/hold/{hold.Token}");
    }

    public string ClosedText(DateOnly day)
    {
        var reason = Schedule.ClosedReason(Resource!, day);
        return reason == Refusal.None ? t["NoSlotsThisDay"] : RefusalText.Text(reason, English);
    }

    private async Task LoadAsync(string? week, CancellationToken cancellationToken)
    {
        Procedure = Resource!.ProcedureSlug is { } procedureSlug ? await procedures.FindAsync(procedureSlug, cancellationToken) : null;
        var today = Tokyo.Today(clock);
        var last = today.AddDays(Resource!.Rules.HorizonDays);
        From = DateOnly.TryParseExact(week, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var w) && w >= today && w <= last ? w : today;
        To = From.AddDays(6) > last ? last : From.AddDays(6);
        PreviousWeek = From > today ? (From.AddDays(-7) < today ? today : From.AddDays(-7)) : null;
        NextWeek = To < last ? To.AddDays(1) : null;
        Days = [.. Schedule.Days(From, To)];
        Slots = await bookings.AvailabilityAsync(Resource, From, To, cancellationToken);
    }
}
