using System.Globalization;
using Madoguchi.Bookings.Api;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>Staff: approve group registrations (利用者登録) and run draws.</summary>
public sealed class LotteriesModel(MadoguchiDb db, LotteryService lotteries, TimeProvider clock, IStringLocalizer<BookingsResource> t) : PageModel
{
    public IReadOnlyList<UserGroup> PendingGroups { get; private set; } = [];
    public IReadOnlyList<FacilityLottery> Lotteries { get; private set; } = [];
    public DateTime Now { get; private set; }
    public string? Message { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Message = (string?)TempData["StaffLotteryMessage"];
        Now = clock.GetUtcNow().UtcDateTime;
        PendingGroups = await db.Set<UserGroup>().AsNoTracking().Where(g => g.Status == GroupStatus.Pending).OrderBy(g => g.Number).ToListAsync(cancellationToken);
        Lotteries = await db.Set<FacilityLottery>().AsNoTracking().OrderByDescending(l => l.ApplicationsCloseAt).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(cancellationToken))
        {
            return Forbid();
        }

        TempData["StaffLotteryMessage"] = await lotteries.ApproveGroupAsync(id, cancellationToken) is null ? t["StaffNotChanged"].Value : t["StaffApproved"].Value;
        return Redirect("/staff/bookings/lotteries");
    }

    public async Task<IActionResult> OnPostDrawAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await MayManageAsync(cancellationToken))
        {
            return Forbid();
        }

        var (refusal, result) = await lotteries.DrawAsync(id, cancellationToken);
        TempData["StaffLotteryMessage"] = result is null ? (English ? LotteryText.En(refusal) : LotteryText.Ja(refusal)) : t["StaffDrawn", result.Winners.Count].Value;
        return Redirect("/staff/bookings/lotteries");
    }

    /// <summary>
    /// Facilities belong to 生涯学習スポーツ課: the 決裁者・所属管理者 of a department that runs a facility, and
    /// system administrators, approve groups and draw (ADR 0035). The platform audits each approval.
    /// </summary>
    private async Task<bool> MayManageAsync(CancellationToken cancellationToken)
    {
        var administered = await Admin.ResourceAdministration.AdministeredDepartmentsAsync(db, User, cancellationToken);
        if (administered is null)
        {
            return true;
        }

        var facilityDepartments = await db.Set<Scheduling.Resource>().AsNoTracking().Where(r => r.Kind == Scheduling.ResourceKind.Facility).Select(r => r.DepartmentId).ToListAsync(cancellationToken);
        return facilityDepartments.Any(administered.Contains);
    }
}
