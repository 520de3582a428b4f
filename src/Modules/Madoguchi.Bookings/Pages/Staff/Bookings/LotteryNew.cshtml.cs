using System.Globalization;
using Madoguchi.Bookings.Admin;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>What a staff member typed on the new-lottery page, as text (times in JST).</summary>
public sealed class LotteryInput
{
    public string? TitleJa { get; set; }
    public string? TitleEn { get; set; }
    public List<string> ResourceIds { get; set; } = [];
    public string? PeriodFrom { get; set; }
    public string? PeriodTo { get; set; }
    public string? OpensAt { get; set; }
    public string? ClosesAt { get; set; }
    public string? DrawAt { get; set; }
    public string? MaxWishes { get; set; }
    public string? MaxWins { get; set; }
    public string? ConfirmDays { get; set; }
}

/// <summary>
/// 抽選の作成: a facility lottery over some facilities' slots in a period, with its application window,
/// draw time and limits. The slots are reserved for the lottery by <see cref="LotteryService.CreateAsync"/>,
/// as for the demo lottery; slots already booked first-come (先着順) or in another lottery are refused.
/// </summary>
[Authorize(Policy = ResourceFormPage.StaffPolicy)]
public sealed class LotteryNewModel(MadoguchiDb db, LotteryService lotteries, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    public const int MaxPeriodDays = 62;

    [BindProperty]
    public LotteryInput Input { get; set; } = new();

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    /// <summary>Slots of the period that are already taken, as (resource name, JST start).</summary>
    public IReadOnlyList<(string Resource, string Start)> TakenSlots { get; private set; } = [];

    public IReadOnlyList<Resource> Facilities { get; private set; } = [];

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public IStringLocalizer<BookingsResource> T => t;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Facilities.Count == 0)
        {
            return Forbid();
        }

        // A sensible start: applications for a week from tomorrow 9:00, drawn the day after, for next month but one.
        var today = Tokyo.Today(clock);
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(2);
        Input = new LotteryInput
        {
            PeriodFrom = Date(month),
            PeriodTo = Date(month.AddMonths(1).AddDays(-1)),
            OpensAt = Date(today.AddDays(1)) + "T09:00",
            ClosesAt = Date(today.AddDays(8)) + "T17:00",
            DrawAt = Date(today.AddDays(9)) + "T10:00",
            MaxWishes = "3",
            MaxWins = "1",
            ConfirmDays = "7",
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Facilities.Count == 0)
        {
            return Forbid();
        }

        string Label(string id) => t["AdminLotteryField_" + id].Value;
        string Text(string id, string? value)
        {
            var text = (value ?? "").Trim();
            if (text.Length == 0)
            {
                Errors[id] = t["AdminErrRequired", Label(id)];
            }
            else if (text.Length > 200)
            {
                Errors[id] = t["AdminErrTooLong", Label(id), 200, text.Length];
            }

            return text;
        }

        var titleJa = Text("TitleJa", Input.TitleJa);
        var titleEn = Text("TitleEn", Input.TitleEn);
        var chosen = Facilities.Where(f => Input.ResourceIds.Contains(f.Id.ToString())).ToList();
        if (chosen.Count == 0 || chosen.Count != Input.ResourceIds.Distinct(StringComparer.Ordinal).Count())
        {
            Errors["Resource_0"] = t["AdminErrLotteryResources"];
        }

        DateOnly? Day(string id, string? value)
        {
            var text = ResourceForm.Normalize(value).Replace('/', '-');
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            Errors[id] = t["AdminErrDate", Label(id)];
            return null;
        }

        DateTime? Moment(string id, string? value)
        {
            var text = ResourceForm.Normalize(value).Replace('/', '-').Replace('T', ' ');
            if (DateTime.TryParseExact(text, ["yyyy-MM-dd H:mm", "yyyy-M-d H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return Tokyo.ToUtc(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            }

            Errors[id] = t["AdminErrDateTime", Label(id)];
            return null;
        }

        int Number(string id, string? value, int min, int max)
        {
            var text = ResourceForm.Normalize(value);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            Errors[id] = t["AdminErrNumber", Label(id), min, max];
            return 0;
        }

        var from = Day("PeriodFrom", Input.PeriodFrom);
        var to = Day("PeriodTo", Input.PeriodTo);
        var opens = Moment("OpensAt", Input.OpensAt);
        var closes = Moment("ClosesAt", Input.ClosesAt);
        var draw = Moment("DrawAt", Input.DrawAt);
        var maxWishes = Number("MaxWishes", Input.MaxWishes, 1, 20);
        var maxWins = Number("MaxWins", Input.MaxWins, 1, 20);
        var confirmDays = Number("ConfirmDays", Input.ConfirmDays, 1, 30);
        if (maxWishes > 0 && maxWins > maxWishes)
        {
            Errors["MaxWins"] = t["AdminErrLotteryWins"];
        }

        if (from is { } f && to is { } l && (l < f || l.DayNumber - f.DayNumber >= MaxPeriodDays))
        {
            Errors["PeriodTo"] = t["AdminErrLotteryPeriod", MaxPeriodDays];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (opens is { } o && closes is { } c && c <= o)
        {
            Errors["ClosesAt"] = t["AdminErrLotteryWindow"];
        }
        else if (closes is { } c2 && c2 <= now)
        {
            Errors["ClosesAt"] = t["AdminErrLotteryClosesPast"];
        }

        if (closes is { } c3 && draw is { } d && d < c3)
        {
            Errors["DrawAt"] = t["AdminErrLotteryDrawBeforeClose"];
        }

        if (Errors.Count == 0)
        {
            var slotTimes = chosen.SelectMany(r => Schedule.Days(from!.Value, to!.Value).SelectMany(day => Schedule.SlotTimes(r, day))).ToList();
            var confirmBy = draw!.Value.AddDays(confirmDays);
            if (slotTimes.Count == 0)
            {
                Errors["PeriodFrom"] = t["AdminErrLotteryNoSlots"];
            }
            else if (slotTimes.Min(s => s.Start) is var first && confirmBy >= first)
            {
                Errors["DrawAt"] = t["AdminErrLotteryDrawAfterFirst", ResourceFormPage.Jst(first), confirmDays];
            }
            else
            {
                await RefuseTakenAsync(chosen, from!.Value, to!.Value, cancellationToken);
            }
        }

        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var lottery = await lotteries.CreateAsync(titleJa, titleEn, chosen, from!.Value, to!.Value, opens!.Value, closes!.Value,
            draw!.Value.AddDays(confirmDays), maxWishes, maxWins, cancellationToken);
        var saved = await db.Set<FacilityLottery>().FirstAsync(x => x.Id == lottery.Id, cancellationToken);
        saved.DrawAt = draw.Value;
        await db.SaveChangesAsync(cancellationToken);
        TempData["StaffLotteryMessage"] = t["AdminLotteryCreated", English ? titleEn : titleJa].Value;
        return Redirect("/staff/bookings/lotteries");
    }

    /// <summary>Slots of the period already taken first-come, or in another lottery, cannot go into this one.</summary>
    private async Task RefuseTakenAsync(List<Resource> chosen, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var ids = chosen.Select(r => r.Id).ToList();
        var start = Tokyo.ToUtc(from, TimeOnly.MinValue);
        var end = Tokyo.ToUtc(to.AddDays(1), TimeOnly.MinValue);
        var taken = await db.Set<Slot>().AsNoTracking()
            .Where(s => ids.Contains(s.ResourceId) && s.StartsAt >= start && s.StartsAt < end && (s.Taken > 0 || s.LotteryId != null))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(cancellationToken);
        if (taken.Count > 0)
        {
            TakenSlots = [.. taken.Select(s => (chosen.First(r => r.Id == s.ResourceId).Name(English), ResourceFormPage.Jst(s.StartsAt)))];
            Errors["PeriodFrom"] = t["AdminErrLotteryTaken", taken.Count];
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var administered = await ResourceAdministration.AdministeredDepartmentsAsync(db, User, cancellationToken);
        var facilities = await db.Set<Resource>().AsNoTracking().Where(r => r.Kind == ResourceKind.Facility).OrderBy(r => r.SortOrder).ThenBy(r => r.Slug).ToListAsync(cancellationToken);
        Facilities = [.. facilities.Where(r => ResourceAdministration.May(administered, r.DepartmentId))];
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
