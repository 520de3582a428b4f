using Madoguchi.Bookings.Admin;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Bookings.Pages.Staff.Bookings;

/// <summary>
/// 予約枠の編集. Only 決裁者・所属管理者 of the resource's department (or system administrators) may open or
/// save it. If someone else saved after this page was opened, nothing is overwritten: the page says so and
/// keeps what was typed. Existing reservations stay valid: a capacity below places already taken in a
/// future slot is refused with those slots. The platform audits each change (field names, not values).
/// </summary>
public sealed class ResourceEditModel(MadoguchiDb db, IProcedureCatalog procedures, IStringLocalizer<BookingsResource> t, ResourceAdministration administration)
    : ResourceFormPage(db, procedures, t)
{
    public string Slug { get; private set; } = "";

    public string? Message { get; private set; }

    /// <summary>Set after a conflict: when the other save happened (JST).</summary>
    public string? ConflictSavedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var resource = await FindAsync(slug, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        if (!ResourceAdministration.May(Administered, resource.DepartmentId))
        {
            return Forbid();
        }

        Slug = resource.Slug;
        Input = ResourceInput.From(resource);
        Message = done switch
        {
            "saved" => T["AdminSaved"].Value,
            "created" => T["AdminCreated"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var resource = await FindAsync(slug, cancellationToken);
        if (resource is null)
        {
            return NotFound();
        }

        if (!ResourceAdministration.May(Administered, resource.DepartmentId))
        {
            return Forbid();
        }

        Slug = resource.Slug;
        if (Input.Version != ResourceInput.VersionOf(resource))
        {
            return Conflict(resource);
        }

        var values = await ValidateAsync(resource.Slug, cancellationToken);
        if (values is null)
        {
            return Refused();
        }

        List<TakenSlot> over;
        try
        {
            // The version the page was opened with is the one the UPDATE expects (UpdatedAt is a concurrency token).
            over = await administration.SaveAsync(resource, values, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var now = await FindAsync(slug, cancellationToken);
            return now is null ? NotFound() : Conflict(now);
        }

        if (over.Count > 0)
        {
            Db.ChangeTracker.Clear();
            RefuseCapacity(over);
            return Refused();
        }

        return Redirect($"/staff/bookings/resources/{resource.Slug}/edit?done=saved");
    }

    private Task<Resource?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Db.Set<Resource>().FirstOrDefaultAsync(r => r.Slug == slug, cancellationToken);

    /// <summary>Someone saved after this page was opened: keep what was typed, say when, and take the new version.</summary>
    private PageResult Conflict(Resource saved)
    {
        ConflictSavedAt = Jst(saved.UpdatedAt);
        Input.Version = ResourceInput.VersionOf(saved);
        Errors.Clear();
        PadQuestions();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
