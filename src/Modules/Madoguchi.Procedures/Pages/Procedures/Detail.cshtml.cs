using System.Globalization;
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
public sealed class DetailModel(MadoguchiDb db, IStringLocalizer<ProceduresResource> t, IEnumerable<IProcedureForms> forms) : PageModel
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
        Procedure = await db.Set<Procedure>().AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug && p.IsPublished, cancellationToken);
        if (Procedure is null)
        {
            return NotFound();
        }

        var department = await db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == Procedure.ResponsibleDepartmentId, cancellationToken);
        DepartmentName = department is null ? "" : English ? department.NameEn : department.NameJa;
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
        var related = Procedure.Related.ToList();
        Related = await db.Set<Procedure>().AsNoTracking().Where(p => related.Contains(p.Slug) && p.IsPublished).ToListAsync(cancellationToken);
        var events = await db.Set<LifeEvent>().AsNoTracking().OrderBy(e => e.SortOrder).ToListAsync(cancellationToken);
        LifeEvents = [.. events.Where(e => e.Items.Any(i => i.ProcedureSlug == slug))];
        Form = Procedure.IsOnline && forms.FirstOrDefault() is { } source ? await source.CurrentAsync(Procedure.Id, Procedure.Slug, cancellationToken) : null;
        return Page();
    }
}
