using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;

namespace Madoguchi.PublicComments.Pages.PublicComments;

/// <summary>The process: period, how to send, and the draft in sections, each with a link to comment on it.</summary>
public sealed class DetailModel(MadoguchiDb db, TimeProvider clock) : PublicCommentsPageModel(db, clock)
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken) =>
        await LoadProcessAsync(slug, cancellationToken) ? Page() : NotFound();
}
