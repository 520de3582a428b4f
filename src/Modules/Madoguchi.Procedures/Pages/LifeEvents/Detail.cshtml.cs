using System.Globalization;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Procedures.LifeEvents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Procedures.Pages.LifeEvents;

/// <summary>
/// A life event's questions and the personal checklist they produce. The form is a GET, so it works
/// without JavaScript, the answers stay in the URL (bookmark, share, back button) and nothing is stored.
/// </summary>
public sealed class DetailModel(MadoguchiDb db) : PageModel
{
    public LifeEvent? Event { get; private set; }
    public HashSet<string> Yes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> No { get; } = new(StringComparer.Ordinal);
    public bool ShowChecklist { get; private set; }
    public int Unanswered { get; private set; }
    public IReadOnlyList<(LifeEventItem Item, Procedure Procedure)> Checklist { get; private set; } = [];
    public bool English { get; } = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Event = await db.Set<LifeEvent>().AsNoTracking().FirstOrDefaultAsync(e => e.Slug == slug, cancellationToken);
        if (Event is null)
        {
            return NotFound();
        }

        foreach (var question in Event.Questions)
        {
            var answer = Request.Query[question.Key].ToString();
            if (answer == "yes")
            {
                Yes.Add(question.Key);
            }
            else if (answer == "no")
            {
                No.Add(question.Key);
            }
        }

        ShowChecklist = Request.Query.ContainsKey("checklist") || Event.Questions.Count == 0;
        Unanswered = Event.Questions.Count - Yes.Count - No.Count;
        var procedures = await db.Set<Procedure>().AsNoTracking().Where(p => p.IsPublished).ToDictionaryAsync(p => p.Slug, cancellationToken);
        Checklist = [.. Event.ChecklistFor(Yes)
            .Where(i => procedures.ContainsKey(i.ProcedureSlug))
            .Select(i => (i, procedures[i.ProcedureSlug]))];
        return Page();
    }
}
