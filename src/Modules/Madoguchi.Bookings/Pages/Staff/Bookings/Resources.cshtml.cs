using System.Globalization;
using Madoguchi.Bookings.Admin;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>予約枠の一覧: the resources of the member's departments (all for system administrators), with edit links where they may edit.</summary>
[Authorize(Policy = ResourceFormPage.StaffPolicy)]
public sealed class ResourcesModel(MadoguchiDb db) : PageModel
{
    public IReadOnlyList<Resource> Resources { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> DepartmentNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlySet<Guid>? Administered { get; private set; }
    public bool MayCreate { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public bool MayEdit(Resource resource) => ResourceAdministration.May(Administered, resource.DepartmentId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        Administered = await ResourceAdministration.AdministeredDepartmentsAsync(db, User, cancellationToken);
        MayCreate = Administered is null || Administered.Count > 0;
        var all = await db.Set<Resource>().AsNoTracking().OrderBy(r => r.Kind).ThenBy(r => r.SortOrder).ThenBy(r => r.Slug).ToListAsync(cancellationToken);
        Resources = [.. all.Where(r => scope.Allows(r.DepartmentId))];
        DepartmentNames = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => English ? d.NameEn : d.NameJa, cancellationToken);
    }
}
