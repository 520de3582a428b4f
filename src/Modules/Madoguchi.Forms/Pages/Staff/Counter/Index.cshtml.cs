using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Counter;
using Madoguchi.Forms.Journey;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Staff.Counter;

/// <summary>書かない窓口: today's visit bookings of my departments, and every procedure I may enter, each a button that starts a counter draft.</summary>
[Authorize(Policy = "staff")]
public sealed class IndexModel(CounterDesk desk, MadoguchiDb db) : PageModel
{
    public IReadOnlyList<ProcedureInfo> Procedures { get; private set; } = [];

    public IReadOnlyList<CounterVisit> Visits { get; private set; } = [];

    public bool English { get; } = FormJourney.English;

    public bool NotFoundNotice { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Starts a counter draft for the procedure (prefilled from the visit when one is chosen) and opens its first page.</summary>
    public async Task<IActionResult> OnPostAsync(string? slug, Guid? visit, CancellationToken cancellationToken)
    {
        var draft = string.IsNullOrEmpty(slug) || slug.Length > 100 ? null : await desk.StartAsync(slug, visit, User, cancellationToken);
        if (draft is null)
        {
            NotFoundNotice = true;
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var context = await desk.LoadAsync(draft.Id, User, cancellationToken);
        var first = Engine.FormEngine.VisibleSteps(context!.Definition, draft.Answers())[0];
        return Redirect(CounterUrls.Step(draft.Id, first.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = await CounterDesk.ScopeAsync(db, User, cancellationToken);
        Procedures = await desk.ProceduresAsync(scope, cancellationToken);
        if (desk.Visits is { } visits)
        {
            var departments = scope.All
                ? await db.Departments.AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken)
                : [.. scope.DepartmentIds];
            var procedures = Procedures.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
            Visits = [.. (await visits.TodayAsync(departments, cancellationToken)).Where(v => procedures.Contains(v.ProcedureSlug))];
        }
    }

    public string ProcedureTitle(string slug) => Procedures.FirstOrDefault(p => p.Slug == slug) is { } p ? (English ? p.TitleEn : p.TitleJa) : slug;
}
