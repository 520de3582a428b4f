using System.Globalization;
using System.Text.Json;
using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.Contracts;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>A lottery: the window and limits, the seed's commitment, applying as a group, and after the draw the published result.</summary>
public sealed class LotteryModel(LotteryService lotteries, MadoguchiDb db, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    public FacilityLottery? Lottery { get; private set; }
    public IReadOnlyList<(string Value, string Label)> SlotChoices { get; private set; } = [];
    public IReadOnlyList<DrawWinner> Winners { get; private set; } = [];
    public bool IsOpen { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? groupNumber, string? groupPassword, string[]? wish, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var group = await lotteries.SignInGroupAsync(groupNumber ?? "", groupPassword ?? "", cancellationToken);
        MessageIsError = true;
        if (group is null)
        {
            Message = t["GroupSignInFailed"];
            return Page();
        }

        var wishes = new List<LotteryWish>();
        foreach (var value in (wish ?? []).Where(w => !string.IsNullOrEmpty(w)))
        {
            var parts = value.Split('|');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var resourceId) || !BookingsApi.TryInstant(parts[1], out var start))
            {
                return BadRequest();
            }

            wishes.Add(new LotteryWish(resourceId, start));
        }

        var refusal = await lotteries.ApplyAsync(id, group, wishes, cancellationToken);
        MessageIsError = refusal != LotteryRefusal.None;
        Message = refusal == LotteryRefusal.None ? t["LotteryApplied", wishes.Count] : English ? LotteryText.En(refusal) : LotteryText.Ja(refusal);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Lottery = await lotteries.FindAsync(id, cancellationToken);
        if (Lottery is null)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        IsOpen = Lottery.Status == LotteryStatus.Open && now >= Lottery.ApplicationsOpenAt && now < Lottery.ApplicationsCloseAt;
        var ids = Lottery.Resources.ToList();
        var resources = await db.Set<Resource>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        SlotChoices = [.. (await lotteries.SlotsOfAsync(id, cancellationToken)).Where(s => resources.ContainsKey(s.ResourceId))
            .Select(s => ($"{s.ResourceId}|{Tokyo.Iso(s.StartsAt)}", $"{resources[s.ResourceId].Name(English)} {Tokyo.Range(s.StartsAt, s.EndsAt, English)}"))];
        if (Lottery.PublishedResult is not null)
        {
            Winners = JsonSerializer.Deserialize<DrawResult>(Lottery.PublishedResult)!.Winners;
        }

        return true;
    }
}
