using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Procedures.Pages.Staff.Procedures;

/// <summary>
/// 手続きの編集: every field of one procedure. Only members of the responsible department (or system
/// administrators) may open or save it. If someone else saved it after this page was opened, nothing is
/// overwritten: the page says so, keeps what was typed, and shows what is now saved beside it.
/// The platform audits each change (which fields, not their values).
/// </summary>
public sealed class EditModel(MadoguchiDb db, IStringLocalizer<ProceduresResource> t, TimeProvider clock) : ProcedureFormPage(db, t)
{
    public string Slug { get; private set; } = "";

    public string? Message { get; private set; }

    /// <summary>After a conflict: the fields whose saved value differs from what was typed, as (field id, saved value).</summary>
    public IReadOnlyList<(string Id, string Saved)> Conflicts { get; private set; } = [];

    public DateTime? ConflictSavedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken);
        var procedure = await FindAsync(slug, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        if (!Scope.Allows(procedure.ResponsibleDepartmentId))
        {
            return Forbid();
        }

        Slug = procedure.Slug;
        Input = ProcedureInput.From(procedure);
        Message = done switch
        {
            "saved" => T["StaffProcSaved"].Value,
            "created" => T["StaffProcCreated"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        await LoadScopeAsync(cancellationToken);
        var procedure = await FindAsync(slug, cancellationToken);
        if (procedure is null)
        {
            return NotFound();
        }

        if (!Scope.Allows(procedure.ResponsibleDepartmentId))
        {
            return Forbid();
        }

        Slug = procedure.Slug;
        var values = Validate(procedure.Slug, await SlugsAsync(procedure.Slug, cancellationToken));
        if (Input.Version != ProcedureInput.VersionOf(procedure))
        {
            return Conflict(procedure);
        }

        if (values is null)
        {
            return Refused();
        }

        // The version the page was opened with is the one the UPDATE expects (UpdatedAt is a concurrency
        // token), so a save that lands between the check above and this one is refused too.
        values.ApplyTo(procedure, clock.GetUtcNow().UtcDateTime);
        try
        {
            await Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            Db.ChangeTracker.Clear();
            var now = await FindAsync(slug, cancellationToken);
            return now is null ? NotFound() : Conflict(now);
        }

        return Redirect($"/staff/procedures/{procedure.Slug}?done=saved");
    }

    private Task<Procedure?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Db.Set<Procedure>().FirstOrDefaultAsync(p => p.Slug == slug, cancellationToken);

    /// <summary>Someone saved after this page was opened: keep what was typed, show what is saved, and take the new version.</summary>
    private PageResult Conflict(Procedure saved)
    {
        var theirs = ProcedureInput.From(saved);
        var differences = new List<(string, string)>();
        foreach (var id in ProcedureForm.PageOrder)
        {
            var (mine, other) = id switch
            {
                "Slug" => ("", ""),
                "Kind" => (Input.Kind, theirs.Kind),
                "DepartmentId" => (Input.DepartmentId, theirs.DepartmentId),
                "Channel_Online" => (string.Join(' ', Input.Channels.Order(StringComparer.Ordinal)), string.Join(' ', theirs.Channels.Order(StringComparer.Ordinal))),
                "IsPublished" => (Input.IsPublished.ToString(), theirs.IsPublished.ToString()),
                _ => (ProcedureForm.Text(Input, id), ProcedureForm.Text(theirs, id)),
            };
            if (!string.Equals(Normalize(mine), Normalize(other), StringComparison.Ordinal))
            {
                differences.Add((id, Display(id, theirs)));
            }
        }

        Conflicts = differences;
        ConflictSavedAt = saved.UpdatedAt;
        Input.Version = theirs.Version;
        Errors.Clear();
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private string Display(string id, ProcedureInput saved) => id switch
    {
        "Kind" => T["StaffProcKind_" + saved.Kind],
        "DepartmentId" => Departments.FirstOrDefault(d => d.Id.ToString() == saved.DepartmentId).Name ?? saved.DepartmentId ?? "",
        "Channel_Online" => string.Join(English ? ", " : "、", saved.Channels.Select(c => T["Channel" + c].Value)),
        "IsPublished" => saved.IsPublished ? T["StaffProcPublished"] : T["StaffProcUnpublished"],
        _ => ProcedureForm.Text(saved, id) is { Length: > 0 } text ? text : T["StaffProcEmpty"],
    };

    public string SavedAtText => ConflictSavedAt is { } at
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), Tokyo).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
        : "";

    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
}
