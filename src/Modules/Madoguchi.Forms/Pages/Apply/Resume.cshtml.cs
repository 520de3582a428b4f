using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>The emailed resume link: this browser takes the draft and goes back to the answers.</summary>
public sealed class ResumeModel(DraftStore drafts, SubmissionService submissions, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var lookup = await drafts.FindByTokenAsync(token, null, cancellationToken);
        switch (lookup)
        {
            case { State: DraftState.Submitted, Draft.SubmissionId: { } id }:
                var submission = await db.Set<Submission>().AsNoTracking().FirstAsync(s => s.Id == id, cancellationToken);
                return Redirect($"/status/{submissions.StatusToken(submission)}");
            case { Draft: { } draft }:
                draft.Touch(clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
                DraftStore.Hold(HttpContext, draft.ProcedureSlug, token);
                return Redirect(FormJourney.CheckUrl(draft.ProcedureSlug));
            default:
                Response.StatusCode = StatusCodes.Status404NotFound;
                return Page();
        }
    }
}
