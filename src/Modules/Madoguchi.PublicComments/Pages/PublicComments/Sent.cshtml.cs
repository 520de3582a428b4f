using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Pages.PublicComments;

/// <summary>受付完了: the receipt number (no personal data on this page).</summary>
public sealed class SentModel(MadoguchiDb db, TimeProvider clock) : PublicCommentsPageModel(db, clock)
{
    public string Receipt { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, string? receipt, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken) || string.IsNullOrEmpty(receipt)
            || !await Db.Set<Opinion>().AnyAsync(o => o.ProcessId == Process.Id && o.ReceiptNumber == receipt, cancellationToken))
        {
            return NotFound();
        }

        Receipt = receipt;
        return Page();
    }
}
