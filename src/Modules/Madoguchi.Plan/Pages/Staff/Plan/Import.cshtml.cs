using Madoguchi.Plan.Export;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Plan.Pages.Staff.Plan;

/// <summary>
/// A system administrator loads a plan (計画の読み込み) exported as JSON — from this or another city's
/// Madoguchi — into the organisation. Nothing is written unless the whole document is valid; each
/// problem is shown with its JSON path, in Japanese and English.
/// </summary>
[RequestSizeLimit(PlanImport.MaxBytes + 64 * 1024)]
public sealed class ImportModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor, IStringLocalizer<PlanResource> t) : PageModel
{
    public IReadOnlyList<(string Path, string Message)> Problems { get; private set; } = [];
    public Dictionary<string, string> Errors { get; } = [];
    public string? Imported { get; private set; }

    [BindProperty] public IFormFile? Upload { get; set; }

    public IActionResult OnGet(string? done)
    {
        if (!User.IsInRole(StaffRoles.SystemAdmin))
        {
            return Forbid();
        }

        Imported = done;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.SystemAdmin))
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0 || Upload.Length > PlanImport.MaxBytes)
        {
            Errors["Upload"] = t["ImportErrorFile", PlanImport.MaxBytes / 1024 / 1024];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        var (document, problems) = await PlanImport.ReadAsync(db, stream, cancellationToken);
        if (document is null)
        {
            Problems = [.. problems.Select(p => (p.Path, t["ImportError_" + p.Code, p.Arguments].Value))];
            Errors["Upload"] = t["ImportErrorCount", Problems.Count];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var plan = await PlanImport.CreateAsync(db, document, now, cancellationToken);
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "plan.imported", "CityPlan", plan.Id.ToString(), $"slug {plan.Slug}", now));
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/staff/plan/import?done={Uri.EscapeDataString(plan.Slug)}");
    }
}
