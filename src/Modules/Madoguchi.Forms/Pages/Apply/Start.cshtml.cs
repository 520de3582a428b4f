using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>The start page of an online application: what you need, how long, and start (or continue).</summary>
public sealed class StartModel(FormJourney journey, DraftStore drafts, FunnelRecorder funnel, MadoguchiDb db) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public bool English { get; } = FormJourney.English;

    public int StepCount { get; private set; }

    public int IdleMinutes => (int)drafts.IdleTimeout.TotalMinutes;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey is null)
        {
            return NotFound();
        }

        if (Journey.Lookup.State == DraftState.Submitted && Journey.Draft is not null)
        {
            // Back button after submitting: a fresh start is offered, the old draft is let go.
            DraftStore.Forget(HttpContext, slug);
            Journey = Journey with { Lookup = new DraftLookup(DraftState.None, null), DraftForm = null };
        }

        StepCount = Journey.Definition.Steps.Count;
        funnel.Record(slug, Journey.Form.Number, FunnelEventKind.View, null);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    /// <summary>Starts a new draft (or starts again, dropping this browser's hold on the old one).</summary>
    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey is null)
        {
            return NotFound();
        }

        var draft = drafts.Start(HttpContext, slug, Journey.CurrentForm);
        funnel.Record(slug, Journey.CurrentForm.Number, FunnelEventKind.Start, draft.Attempt);
        await db.SaveChangesAsync(cancellationToken);
        var first = Engine.FormEngine.VisibleSteps(Journey.CurrentForm.Definition, draft.Answers())[0];
        return Redirect(FormJourney.StepUrl(slug, first.Id));
    }

    public static string StatusUrl(SubmissionService submissions, Submission submission) => "/status/" + submissions.StatusToken(submission);
}
