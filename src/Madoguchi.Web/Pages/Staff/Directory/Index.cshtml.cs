using System.Globalization;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Pages.Staff.Directory;

/// <summary>
/// 職員名簿: colleagues a staff member may see — their own departments' members, or everyone for
/// system admins and the IT policy division. Names and emails are personal data: each view is audited.
/// </summary>
public sealed class IndexModel(MadoguchiDb db, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public sealed record Row(string DisplayName, string? Title, string Email, IReadOnlyList<string> Departments);

    public IReadOnlyList<Row> Members { get; private set; } = [];
    public bool SeesEveryone { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        SeesEveryone = scope.All;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var visibleIds = scope.DepartmentIds.ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => scope.All || u.Departments.Any(m => visibleIds.Contains(m.DepartmentId)))
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Title,
                u.Email,
                Departments = u.Departments.Select(m => english ? m.Department!.NameEn : m.Department!.NameJa).ToList(),
            })
            .ToListAsync(cancellationToken);
        Members = [.. users.Select(u => new Row(u.DisplayName, u.Title, u.Email ?? "", u.Departments))];

        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "staff.read", "StaffUser",
            users.Count == 0 ? "-" : "directory", string.Join(',', users.Select(u => u.Id)), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
