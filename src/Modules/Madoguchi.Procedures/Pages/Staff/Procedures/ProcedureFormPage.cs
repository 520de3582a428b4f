using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Procedures.Pages.Staff.Procedures;

/// <summary>
/// What the create and edit pages share: the input, its errors, the departments this member may
/// choose (least privilege: only their own, all for system administrators).
/// </summary>
[Authorize(Policy = StaffPolicy)]
public abstract class ProcedureFormPage(MadoguchiDb db, IStringLocalizer<ProceduresResource> t) : PageModel
{
    /// <summary>The host's staff policy (Madoguchi.Web StaffPolicies.Staff): signed-in staff; MFA is enforced for /staff by the host.</summary>
    public const string StaffPolicy = "staff";

    protected MadoguchiDb Db { get; } = db;
    protected IStringLocalizer<ProceduresResource> T { get; } = t;

    [BindProperty]
    public ProcedureInput Input { get; set; } = new();

    /// <summary>Field id → message.</summary>
    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<(string Id, string Message)> OrderedErrors =>
        [.. Errors.OrderBy(e => Array.IndexOf(ProcedureForm.PageOrder, e.Key) is var i and >= 0 ? i : int.MaxValue).Select(e => (e.Key, e.Value))];

    /// <summary>Departments this member may make responsible, as (id, name).</summary>
    public IReadOnlyList<(Guid Id, string Name)> Departments { get; private set; } = [];

    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    protected DepartmentScope Scope { get; private set; } = DepartmentScope.None;

    protected async Task LoadScopeAsync(CancellationToken cancellationToken)
    {
        Scope = await DepartmentScope.ForAsync(Db, User, cancellationToken);
        var all = await Db.Set<Department>().AsNoTracking().Where(d => d.Level != DepartmentLevel.Bureau).ToListAsync(cancellationToken);
        Departments = [.. all.Where(d => Scope.Allows(d.Id)).OrderBy(d => d.Code, StringComparer.Ordinal).Select(d => (d.Id, English ? d.NameEn : d.NameJa))];
    }

    protected async Task<HashSet<string>> SlugsAsync(string? except, CancellationToken cancellationToken) =>
        [.. (await Db.Set<Procedure>().AsNoTracking().Select(p => p.Slug).ToListAsync(cancellationToken)).Where(s => s != except)];

    protected ProcedureValues? Validate(string? fixedSlug, HashSet<string> otherSlugs) =>
        ProcedureForm.Validate(Input, fixedSlug, otherSlugs, Departments.Select(d => d.Id).ToHashSet(), T, Errors);

    /// <summary>Refused input: the same page with what was typed and the messages, as 400.</summary>
    protected PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
