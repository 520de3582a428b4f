using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Pages.LifeEvents;

public sealed class IndexModel(MadoguchiDb db) : PageModel
{
    public IReadOnlyList<LifeEvent> Events { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Events = await db.Set<LifeEvent>().AsNoTracking().OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
}
