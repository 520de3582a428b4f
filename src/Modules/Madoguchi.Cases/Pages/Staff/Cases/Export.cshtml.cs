using System.Globalization;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Inbox;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Cases.Pages.Staff.Cases;

/// <summary>
/// 受付一覧のCSV: the department's cases with the inbox's current filters, for the 庁内 reports
/// (UTF-8 with BOM for Excel). Audited as a read of personal data. 情報政策課 gets no rows (statistics only).
/// </summary>
[Authorize(Policy = "staff")]
public sealed class ExportModel(MadoguchiDb db, CaseService cases, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? status, string? procedure, string? assignee, string? q, CancellationToken cancellationToken)
    {
        if (User.IsInRole(StaffRoles.ItPolicy) || User.IsInRole(StaffRoles.SystemAdmin))
        {
            return Forbid();
        }

        var actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var filter = new CaseFilter(TransitionTable.ParseStatus(status), string.IsNullOrWhiteSpace(procedure) ? null : procedure, CaseFilter.ParseAssignee(assignee), q);
        var file = await CaseInbox.ExportAsync(db, cases, actor, filter, clock, "page", CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en", cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(file, "text/csv; charset=utf-8", CaseInbox.FileName(clock));
    }
}
