using System.Globalization;
using Madoguchi.Cases.Inbox;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Pages.Staff.Statistics;

/// <summary>
/// オンライン化率: per procedure, online and counter (窓口) applications and the online rate, as a table and
/// as CSV (<c>?handler=csv</c>). The same figures and the same roles (情報政策課, system admins) as
/// <c>GET /api/v1/cases/statistics/channels</c>; counts only, no personal data.
/// </summary>
[Authorize(Policy = CasesModule.StatisticsPolicy)]
public sealed class ChannelsModel(MadoguchiDb db, TimeProvider clock) : PageModel
{
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public IReadOnlyList<ChannelStatistics.Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Departments { get; private set; } = new Dictionary<Guid, string>();

    public int Online => Rows.Sum(r => r.Online);

    public int Counter => Rows.Sum(r => r.Counter);

    public double? OnlineRate => Online + Counter == 0 ? null : Math.Round((double)Online / (Online + Counter), 4);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(9));
        return File(ChannelStatistics.ToCsv(Rows, Departments, English), "text/csv; charset=utf-8", $"online-rate-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => English ? d.NameEn : d.NameJa, cancellationToken);
        Rows = await ChannelStatistics.ComputeAsync(db, cancellationToken);
    }
}
