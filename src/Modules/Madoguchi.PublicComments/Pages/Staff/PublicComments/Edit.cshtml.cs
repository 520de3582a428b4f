using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>Editing a process: everything before it opens, only extending the closing day after.</summary>
public sealed class EditModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PublicCommentsResource> t)
    : ProcessEditorModel(db, clock, actor, t)
{
    public async Task<IActionResult> OnGetAsync(string slug, string? done, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } refused)
        {
            return refused;
        }

        await FillFromExistingAsync(cancellationToken);
        Message = done == "saved" ? T["EditorSaved"].Value : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ?? await RefusedDepartmentAsync() ?? await SaveAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ?? await RefusedDepartmentAsync() ?? await PreviewAsync(cancellationToken);

    /// <summary>Moving the process to a department the caller does not belong to is refused.</summary>
    private Task<IActionResult?> RefusedDepartmentAsync() =>
        Task.FromResult<IActionResult?>(!Locked && Guid.TryParse(DepartmentId, out var d) && Departments.All(x => x.Id != d) ? Forbid() : null);
}
