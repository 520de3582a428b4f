using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Pages.Staff.Procedures;

/// <summary>
/// 手続きの管理: every procedure, published or not, with search and a department filter. Staff see
/// all of them; the edit link is offered only where their department scope allows it.
/// </summary>
[Authorize(Policy = ProcedureFormPage.StaffPolicy)]
public sealed class IndexModel(MadoguchiDb db) : PageModel
{
    private Dictionary<Guid, Department> _departments = [];

    public string? Query { get; private set; }

    /// <summary>The department filter: a department code, or null for all.</summary>
    public string? Department { get; private set; }

    /// <summary>"mine" lists only procedures this member may edit.</summary>
    public bool MineOnly { get; private set; }

    public IReadOnlyList<Procedure> Results { get; private set; } = [];

    /// <summary>Departments that own at least one procedure, for the filter, as (code, name).</summary>
    public IReadOnlyList<(string Code, string Name)> DepartmentOptions { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private DepartmentScope _scope = DepartmentScope.None;

    public bool CanEdit(Procedure procedure)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return _scope.Allows(procedure.ResponsibleDepartmentId);
    }

    public string DepartmentName(Guid id) =>
        _departments.TryGetValue(id, out var d) ? (English ? d.NameEn : d.NameJa) : "";

    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"))
            .ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(string? q, string? department, string? mine, CancellationToken cancellationToken)
    {
        _scope = await DepartmentScope.ForAsync(db, User, cancellationToken);
        Query = q is { Length: > 100 } ? q[..100].Trim() : q?.Trim();
        MineOnly = mine == "1";
        _departments = await db.Set<Department>().AsNoTracking().ToDictionaryAsync(d => d.Id, cancellationToken);
        CanCreate = _departments.Values.Any(d => d.Level != DepartmentLevel.Bureau && _scope.Allows(d.Id));

        var procedures = await db.Set<Procedure>().AsNoTracking().ToListAsync(cancellationToken);
        DepartmentOptions = [.. procedures.Select(p => p.ResponsibleDepartmentId).Distinct()
            .Where(_departments.ContainsKey).Select(id => _departments[id])
            .OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => (d.Code, English ? d.NameEn : d.NameJa))];
        Department = DepartmentOptions.Any(o => o.Code == department) ? department : null;

        IEnumerable<Procedure> shown = string.IsNullOrWhiteSpace(Query)
            ? procedures.OrderBy(p => p.Slug, StringComparer.Ordinal)
            : ProcedureSearch.Search(procedures, Query, English)
                .Union(procedures.Where(p => p.Slug.Contains(Query, StringComparison.OrdinalIgnoreCase)));
        if (Department is not null)
        {
            shown = shown.Where(p => _departments.TryGetValue(p.ResponsibleDepartmentId, out var d) && d.Code == Department);
        }

        if (MineOnly)
        {
            shown = shown.Where(CanEdit);
        }

        Results = [.. shown];
    }
}
