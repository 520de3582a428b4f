using System.Globalization;
using Madoguchi.Cases.Cases;
using Madoguchi.Cases.Inbox;
using Madoguchi.Cases.Transitions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Pages.Staff.Cases;

/// <summary>
/// 受付一覧: the cases of the signed-in member's departments, filtered by status, procedure, assignee and
/// 受付番号 (a GET form, no JavaScript), open ones by due date (overdue first), then closed ones (ADR 0055), 50 a page. 情報政策課 and
/// system administrators see counts only (statistics, no personal data), never the list.
/// </summary>
[Authorize(Policy = "staff")]
public sealed class IndexModel(MadoguchiDb db, IProcedureCatalog catalog, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    public sealed record StatisticsRow(string Department, CaseStatus Status, int Count, int Overdue);

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Procedure { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Assignee { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>Page number from 1 (<c>p</c>: <c>page</c> is taken by Razor Pages' routing).</summary>
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public bool StatisticsOnly { get; private set; }

    public IReadOnlyList<StatisticsRow> Statistics { get; private set; } = [];

    public IReadOnlyList<Case> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public DateOnly Today { get; private set; }

    public IReadOnlyList<ProcedureInfo> Procedures { get; private set; } = [];

    public IReadOnlyList<CaseStatus> Statuses { get; } = Enum.GetValues<CaseStatus>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Today = CaseService.TodayInJapan(clock);
        if (User.IsInRole(StaffRoles.ItPolicy) || User.IsInRole(StaffRoles.SystemAdmin))
        {
            // 情報政策課: statistics only (no receipt numbers, no assignees).
            StatisticsOnly = true;
            var names = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => English ? d.NameEn : d.NameJa, cancellationToken);
            var rows = await db.Set<Case>().AsNoTracking().GroupBy(c => new { c.DepartmentId, c.Status })
                .Select(g => new { g.Key.DepartmentId, g.Key.Status, Count = g.Count(), Overdue = g.Count(c => c.DueDate != null && c.DueDate < Today) })
                .ToListAsync(cancellationToken);
            Statistics = [.. rows.Select(r => new StatisticsRow(names.GetValueOrDefault(r.DepartmentId, ""), r.Status, r.Count, TransitionTable.IsOpen(r.Status) ? r.Overdue : 0))
                .OrderBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Status)];
            return Page();
        }

        var actor = await CaseActor.ForAsync(db, User, cancellationToken);
        if (actor is null)
        {
            return Forbid();
        }

        var all = await catalog.ListAsync(cancellationToken);
        Procedures = [.. all.Where(p => actor.Departments.Contains(p.ResponsibleDepartmentId)).OrderBy(p => English ? p.TitleEn : p.TitleJa, StringComparer.Ordinal)];
        var filter = Filter();
        Total = await CaseInbox.Query(db, actor, filter).CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Items = await CaseInbox.PageAsync(db, actor, filter, (PageNumber - 1) * PageSize, PageSize, cancellationToken);
        return Page();
    }

    public CaseFilter Filter() => new(TransitionTable.ParseStatus(Status), string.IsNullOrWhiteSpace(Procedure) ? null : Procedure, CaseFilter.ParseAssignee(Assignee), Q);

    /// <summary>This page's URL with the current filters (and another page number or format).</summary>
    public string LinkTo(int? page = null, string path = "/staff/cases")
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("status", Status);
        Add("procedure", Procedure);
        Add("assignee", Assignee);
        Add("q", Q);
        if (page is > 1)
        {
            Add("p", page.Value.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? path : path + "?" + string.Join("&", parts);
    }
}
