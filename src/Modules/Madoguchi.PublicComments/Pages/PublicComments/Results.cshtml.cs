using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Processing;
using Microsoft.AspNetCore.Mvc;

namespace Madoguchi.PublicComments.Pages.PublicComments;

/// <summary>意見の概要と市の考え方: the published table, with counts per channel and section; no personal data.</summary>
public sealed class ResultsModel(MadoguchiDb db, TimeProvider clock) : PublicCommentsPageModel(db, clock)
{
    public ProcessResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken) || Process.ResultPublishedAt is null)
        {
            return NotFound();
        }

        (Result, _) = await ResultTable.BuildAsync(Db, Process, cancellationToken);
        return Page();
    }
}
