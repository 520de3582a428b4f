using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>A new public comment process (意見募集の新規作成) for one of the caller's departments.</summary>
public sealed class NewModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PublicCommentsResource> t)
    : ProcessEditorModel(db, clock, actor, t)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AllowedDepartmentsAsync(cancellationToken) is null)
        {
            return Forbid();
        }

        FillDefaults();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await RefusedAsync(cancellationToken) ?? await SaveAsync(cancellationToken);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken) =>
        await RefusedAsync(cancellationToken) ?? await PreviewAsync(cancellationToken);

    /// <summary>A department the caller does not belong to is refused outright (the form never offers it).</summary>
    private async Task<IActionResult?> RefusedAsync(CancellationToken cancellationToken)
    {
        var allowed = await AllowedDepartmentsAsync(cancellationToken);
        return allowed is null || allowed.Count == 0 || (Guid.TryParse(DepartmentId, out var d) && !allowed.Contains(d)) ? Forbid() : null;
    }
}
