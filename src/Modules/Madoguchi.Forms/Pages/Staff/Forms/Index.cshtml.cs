using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Staff.Forms;

/// <summary>Staff: the procedures of my departments and the versions of their online forms.</summary>
[Authorize(Policy = "staff")]
public sealed class IndexModel(IProcedureCatalog catalog, MadoguchiDb db) : PageModel
{
    public sealed record Row(ProcedureInfo Procedure, int? Published, int? Draft);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool English { get; } = FormJourney.English;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        var procedures = (await catalog.ListAsync(cancellationToken)).Where(p => FormVersionEditor.CanEdit(scope, p)).ToList();
        var ids = procedures.Select(p => p.Id).ToList();
        var versions = await db.Set<FormVersion>().AsNoTracking().Where(v => ids.Contains(v.ProcedureId))
            .Select(v => new { v.ProcedureId, v.Number, v.Status }).ToListAsync(cancellationToken);
        Rows = [.. procedures.Select(p => new Row(p,
            versions.Where(v => v.ProcedureId == p.Id && v.Status == FormVersionStatus.Published).Max(v => (int?)v.Number),
            versions.Where(v => v.ProcedureId == p.Id && v.Status == FormVersionStatus.Draft).Max(v => (int?)v.Number)))];
    }
}
