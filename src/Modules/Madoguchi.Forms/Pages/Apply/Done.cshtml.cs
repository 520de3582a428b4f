using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>Where a second click on "submit" lands: the receipt of the one submission this draft made.</summary>
public sealed class DoneModel(FormJourney journey, SubmissionService submissions, MadoguchiDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var j = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (j?.Lookup is { State: DraftState.Submitted, Draft.SubmissionId: { } id })
        {
            var submission = await db.Set<Submission>().AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
            DraftStore.Forget(HttpContext, slug);
            return Redirect($"/status/{submissions.StatusToken(submission)}?submitted=true");
        }

        return Redirect($"/apply/{slug}");
    }
}
