using System.Globalization;
using Madoguchi.Platform.Caching;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Organizations;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.Contracts;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Procedures.Pages.Procedures;

/// <summary>One procedure as the guide explains it: who, what to bring, fee, how long, where.</summary>
public sealed class DetailModel(MadoguchiDb db, ReadCache cache, IStringLocalizer<ProceduresResource> t, IEnumerable<IProcedureForms> forms) : PageModel
{
    public Procedure? Procedure { get; private set; }
    public string DepartmentName { get; private set; } = "";
    public IReadOnlyList<string> ChannelNames { get; private set; } = [];
    public IReadOnlyList<Procedure> Related { get; private set; } = [];
    public IReadOnlyList<LifeEvent> LifeEvents { get; private set; } = [];

    /// <summary>The online form, when the procedure can be applied for online now.</summary>
    public ProcedureFormInfo? Form { get; private set; }
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        // The same for every visitor and read on every view: from the short-lived cache (evicted when staff save a change).
        var data = await cache.GetOrLoadAsync(db.CurrentOrganizationId, slug, DependsOn, () => LoadAsync(slug, cancellationToken));
        if (data is null)
        {
            return NotFound();
        }

        Procedure = data.Procedure;
        DepartmentName = data.Department is not { } department ? "" : English ? department.NameEn : department.NameJa;
        var channels = new List<string>();
        if (Procedure.Channels.HasFlag(ProcedureChannels.Online))
        {
            channels.Add(t["ChannelOnline"]);
        }

        if (Procedure.Channels.HasFlag(ProcedureChannels.Counter))
        {
            channels.Add(t["ChannelCounter"]);
        }

        if (Procedure.Channels.HasFlag(ProcedureChannels.Post))
        {
            channels.Add(t["ChannelPost"]);
        }

        ChannelNames = channels;
        Related = data.Related;
        LifeEvents = data.LifeEvents;
        Form = Procedure.IsOnline && forms.FirstOrDefault() is { } source ? await source.CurrentAsync(Procedure.Id, Procedure.Slug, cancellationToken) : null;
        return Page();
    }

    private static readonly Type[] DependsOn = [typeof(Procedure), typeof(Department), typeof(LifeEvent)];

    /// <summary>What the page shows of the catalogue (no personal data).</summary>
    private sealed record PageData(Procedure Procedure, Department? Department, IReadOnlyList<Procedure> Related, IReadOnlyList<LifeEvent> LifeEvents);

    private async Task<PageData?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, cancellationToken);
        if (procedure is null)
        {
            return null;
        }

        var department = await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == procedure.ResponsibleDepartmentId, cancellationToken);
        var related = procedure.Related.ToList();
        var relatedProcedures = await db.Set<Procedure>().AsNoTracking().Where(p => related.Contains(p.Slug) && p.IsPublished).ToListAsync(cancellationToken);
        var events = await db.Set<LifeEvent>().AsNoTracking().OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        return new PageData(procedure, department, relatedProcedures, [.. events.Where(e => e.Items.Any(i => i.ProcedureSlug == slug))]);
    }
}
