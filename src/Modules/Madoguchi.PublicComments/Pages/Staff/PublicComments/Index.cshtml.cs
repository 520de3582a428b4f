using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>The processes of the caller's departments (all for the IT policy division), with opinion counts.</summary>
public sealed class IndexModel(MadoguchiDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<(PublicCommentProcess Process, int Opinions)> Processes { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        var processes = (await db.Set<PublicCommentProcess>().AsNoTracking().OrderByDescending(p => p.OpensAt).ToListAsync(cancellationToken))
            .Where(p => scope.Allows(p.DepartmentId)).ToList();
        var counts = await db.Set<Opinion>().GroupBy(o => o.ProcessId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        Processes = [.. processes.Select(p => (p, counts.GetValueOrDefault(p.Id)))];
    }
}
