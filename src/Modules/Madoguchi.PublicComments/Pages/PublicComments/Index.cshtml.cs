using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Pages.PublicComments;

/// <summary>意見募集の一覧.</summary>
public sealed class IndexModel(MadoguchiDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<PublicCommentProcess> Processes { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Processes = await db.Set<PublicCommentProcess>().AsNoTracking().OrderByDescending(p => p.OpensAt).ToListAsync(cancellationToken);
}
