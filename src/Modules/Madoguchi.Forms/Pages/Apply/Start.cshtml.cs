using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>The start page of an online application: what you need, how long, and start (or continue).</summary>
public sealed class StartModel(FormJourney journey, DraftStore drafts, FunnelRecorder funnel, MadoguchiDb db, CitizenDrafts citizens) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public bool English { get; } = FormJourney.English;

    public int StepCount { get; private set; }

    public int IdleMinutes => (int)drafts.IdleTimeout.TotalMinutes;

    /// <summary>A citizen is signed in (住民アカウント): the form starts with their profile's values.</summary>
    public bool SignedIn { get; private set; }

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

        if (citizens.Session is { } session && await session.AccountIdAsync(HttpContext) is { } accountId)
        {
            SignedIn = true;
            if (Journey.Lookup.State == DraftState.None && await citizens.HoldLatestAsync(HttpContext, accountId, slug, cancellationToken))
            {
                // The account's draft started elsewhere (their page's "continue" link): this browser continues it.
                return Redirect(FormJourney.CheckUrl(slug));
            }
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
        if (await citizens.CurrentAsync(HttpContext, "prefill " + slug, cancellationToken) is { } profile)
        {
            // Once-only (ADR 0011): what the profile knows fills the matching fields; the citizen can change any of them.
            draft.CitizenAccountId = profile.AccountId;
            draft.Email = profile.Email;
            draft.SaveAnswers(Contracts.CitizenProfileCheck.Prefill(Journey.CurrentForm.Definition, profile), draft.LastActivityAt);
        }

        funnel.Record(slug, Journey.CurrentForm.Number, FunnelEventKind.Start, draft.Attempt);
        await db.SaveChangesAsync(cancellationToken);
        var first = Engine.FormEngine.VisibleSteps(Journey.CurrentForm.Definition, draft.Answers())[0];
        return Redirect(FormJourney.StepUrl(slug, first.Id));
    }

    public static string StatusUrl(SubmissionService submissions, Submission submission) => "/status/" + submissions.StatusToken(submission);
}
