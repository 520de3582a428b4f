using Madoguchi.Bookings.Admin;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>予約枠の新規作成: a counter, consultation or facility of one of the departments this member administers.</summary>
public sealed class ResourceNewModel(MadoguchiDb db, IProcedureCatalog procedures, IStringLocalizer<BookingsResource> t, TimeProvider clock)
    : ResourceFormPage(db, procedures, t)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Departments.Count == 0)
        {
            return Forbid();
        }

        Input = ResourceInput.Blank();
        Input.DepartmentId = Departments[0].Id.ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Departments.Count == 0)
        {
            return Forbid();
        }

        var values = await ValidateAsync(null, cancellationToken);
        if (values is null)
        {
            return Refused();
        }

        var resource = new Resource { Id = Guid.NewGuid(), Slug = values.Slug, NameJa = values.NameJa, NameEn = values.NameEn, SortOrder = 1000 };
        values.ApplyTo(resource, clock.GetUtcNow().UtcDateTime);
        Db.Add(resource);
        await Db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/bookings/resources/{resource.Slug}/edit?done=created");
    }
}
