using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>Check your answers (確認): every visible, non-empty answer with a change link, the fee, then submit.</summary>
public sealed class CheckModel(FormJourney journey, SubmissionService submissions, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public IReadOnlyList<ComputedResult> Computed { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public bool English { get; } = FormJourney.English;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } redirect)
        {
            return redirect;
        }

        if (Journey!.Draft!.TouchForView(clock.GetUtcNow().UtcDateTime))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A second tab or a reload touched the draft at the same moment: that keeps it alive just as well.
            }
        }

        await ShowAsync(validate: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey is null)
        {
            return NotFound();
        }

        switch (Journey.Lookup.State)
        {
            case DraftState.None:
                return Redirect($"/apply/{slug}?expired=1");
            case DraftState.Submitted:
                // A double click or the back button after submitting: the one submission's receipt.
                return Redirect($"/apply/{slug}/done");
            case DraftState.TimedOut:
                return Redirect($"/apply/{slug}/timed-out");
        }

        var draft = Journey.Draft!;
        var answers = draft.Answers();
        var result = await submissions.SubmitAsync(
            new SubmitCommand(Journey.Procedure, Journey.Form, answers, SubmissionChannel.Web)
            {
                Draft = draft,
                Email = SubmissionService.FirstEmail(Journey.Definition, answers) ?? draft.Email,
                Context = await journey.FormContextAsync(draft, cancellationToken),
            },
            token => Api.FormsApi.StatusUrl(HttpContext, token), cancellationToken);
        if (result is SubmitResult.Accepted accepted)
        {
            DraftStore.Forget(HttpContext, slug);
            return Redirect($"/status/{accepted.StatusToken}?submitted=true");
        }

        Errors = result is SubmitResult.Invalid invalid ? invalid.Validation.Errors : [];
        await ShowAsync(validate: false, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        Journey = await journey.LoadAsync(HttpContext, slug, cancellationToken);
        if (Journey is null)
        {
            return NotFound();
        }

        return Journey.Lookup.State switch
        {
            DraftState.None => Redirect($"/apply/{slug}?expired=1"),
            DraftState.Submitted => Redirect($"/apply/{slug}/done"),
            DraftState.TimedOut => Redirect($"/apply/{slug}/timed-out"),
            _ => null,
        };
    }

    private async Task ShowAsync(bool validate, CancellationToken cancellationToken)
    {
        var draft = Journey!.Draft!;
        var answers = draft.Answers();
        var context = await journey.FormContextAsync(draft, cancellationToken);
        if (validate)
        {
            Errors = FormEngine.Validate(Journey.Definition, answers, context).Errors;
        }

        var cleaned = FormEngine.Clean(Journey.Definition, answers);
        Sections = FormEngine.Summarize(Journey.Definition, cleaned, context);
        Computed = FormEngine.Compute(Journey.Definition, cleaned);
    }

    public string ChangeUrl(string path)
    {
        var step = FormJourney.StepOf(Journey!.Definition, path);
        return step is null ? "#" : FormJourney.StepUrl(Journey.Procedure.Slug, step.Id) + "?return=check#" + Rendering.FieldView.InputId(path);
    }
}
