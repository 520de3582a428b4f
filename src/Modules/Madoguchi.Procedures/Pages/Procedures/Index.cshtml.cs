using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Pages.Procedures;

/// <summary>手続きガイド: list and search the published procedures. Works without JavaScript (a GET form).</summary>
public sealed class IndexModel(MadoguchiDb db) : PageModel
{
    private Dictionary<Guid, Department> _departments = [];

    public string? Query { get; private set; }
    public IReadOnlyList<Procedure> Results { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public string DepartmentName(Guid id) =>
        _departments.TryGetValue(id, out var d) ? (English ? d.NameEn : d.NameJa) : "";

    public async Task OnGetAsync(string? q, CancellationToken cancellationToken)
    {
        Query = q is { Length: > 100 } ? q[..100] : q?.Trim();
        var procedures = await db.Set<Procedure>().AsNoTracking().Where(p => p.IsPublished).ToListAsync(cancellationToken);
        _departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        Results = ProcedureSearch.Search(procedures, Query, English);
    }
}
