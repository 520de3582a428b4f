using System.Globalization;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Pages.Bookings;

/// <summary>What can be booked: counters, consultations, facilities; and open lotteries.</summary>
public sealed class IndexModel(MadoguchiDb db) : PageModel
{
    public IReadOnlyList<Resource> Resources { get; private set; } = [];
    public IReadOnlyList<FacilityLottery> Lotteries { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Resources = await db.Set<Resource>().AsNoTracking().Where(r => r.IsPublished).OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ToListAsync(cancellationToken);
        Lotteries = await db.Set<FacilityLottery>().AsNoTracking().Where(l => l.Status != LotteryStatus.Completed).OrderBy(l => l.ApplicationsCloseAt).ToListAsync(cancellationToken);
    }
}
