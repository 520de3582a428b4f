using System.Text.Json.Nodes;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.PostalCodes;
using Madoguchi.Forms.Rendering;
using Madoguchi.Forms.Uploads;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Apply;

/// <summary>
/// One question group. Every post saves the answers as typed (even invalid ones, so nothing is lost),
/// then either performs an action (add/remove an item, look up an address, save for later) or
/// validates the step and moves on.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
public sealed class StepModel(FormJourney journey, UploadStore uploads, IPostalCodeDirectory postalCodes, FunnelRecorder funnel, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public JourneyContext? Journey { get; private set; }

    public FormStep? Step { get; private set; }

    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public int StepNumber { get; private set; }

    public int StepTotal { get; private set; }

    public string? BackUrl { get; private set; }

    [BindProperty(SupportsGet = true, Name = "return")]
    public string? ReturnTo { get; set; }

    public bool English { get; } = FormJourney.English;

    public async Task<IActionResult> OnGetAsync(string slug, string stepId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, stepId, cancellationToken) is { } redirect)
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
                // Another request of the same person (a second tab, a reload) touched the draft at the same moment:
                // its touch keeps the draft alive just as well, and a GET changes no answer. Render what was loaded.
            }
        }

        await ShowAsync(Journey.Draft.Answers(), [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, string stepId, string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, stepId, cancellationToken, posting: true) is { } redirect)
        {
            return redirect;
        }

        var draft = Journey!.Draft!;
        var definition = Journey.Definition;
        var sink = new DraftUploadSink(uploads, draft.Id);
        var (answers, bindErrors) = await FormPostBinder.BindAsync(definition, Step!, Request.Form, draft.Answers(), sink, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var timedOut = Journey.Lookup.State == DraftState.TimedOut;
        draft.SaveAnswers(answers, now);
        if (timedOut)
        {
            // Saved, but the screen is not shown again until the citizen resumes.
            draft.LastActivityAt = now - TimeSpan.FromDays(1);
            await db.SaveChangesAsync(cancellationToken);
            return Redirect($"/apply/{slug}/timed-out");
        }

        if (action == "save-later")
        {
            await db.SaveChangesAsync(cancellationToken);
            return Redirect($"/apply/{slug}/save?step={Step!.Id}");
        }

        if (!string.IsNullOrEmpty(action))
        {
            var changed = await FormActions.ApplyAsync(definition, Step!, action, answers, postalCodes, cancellationToken);
            if (changed is not null)
            {
                draft.SaveAnswers(changed, now);
                answers = changed;
            }

            await db.SaveChangesAsync(cancellationToken);
            await ShowAsync(answers, bindErrors, cancellationToken);
            return Page();
        }

        var context = await journey.FormContextAsync(draft, cancellationToken);
        var validation = FormEngine.ValidateStep(definition, Step!, answers, context);
        var errors = bindErrors.Concat(validation.Errors.Where(e => !bindErrors.Any(b => b.Path == e.Path))).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors.Take(20))
            {
                funnel.Record(slug, Journey.Form.Number, FunnelEventKind.ValidationFailed, draft.Attempt, Step!.Id, error.Path);
            }

            await db.SaveChangesAsync(cancellationToken);
            await ShowAsync(answers, errors, cancellationToken);
            return Page();
        }

        funnel.Record(slug, Journey.Form.Number, FunnelEventKind.StepCompleted, draft.Attempt, Step!.Id);
        await db.SaveChangesAsync(cancellationToken);
        var next = ReturnTo == "check" ? null : FormJourney.NextStep(definition, answers, Step.Id);
        return Redirect(next is null ? FormJourney.CheckUrl(slug) : FormJourney.StepUrl(slug, next.Id));
    }

    private async Task<IActionResult?> LoadAsync(string slug, string stepId, CancellationToken cancellationToken, bool posting = false)
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
                return Redirect($"/apply/{slug}/done");
            case DraftState.TimedOut when !posting:
                return Redirect($"/apply/{slug}/timed-out");
        }

        var answers = Journey.Draft!.Answers();
        var visible = FormEngine.VisibleSteps(Journey.Definition, answers);
        Step = visible.FirstOrDefault(s => s.Id == stepId);
        if (Step is null)
        {
            // A step that doesn't exist in this version, or is hidden by earlier answers.
            return Redirect(FormJourney.StepUrl(slug, visible[0].Id));
        }

        StepNumber = visible.ToList().IndexOf(Step) + 1;
        StepTotal = visible.Count;
        var previous = FormJourney.PreviousStep(Journey.Definition, answers, stepId);
        BackUrl = ReturnTo == "check" ? FormJourney.CheckUrl(slug) : previous is null ? $"/apply/{slug}" : FormJourney.StepUrl(slug, previous.Id);
        return null;
    }

    private async Task ShowAsync(JsonObject answers, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        // Only a step that asks for a file shows uploads: the other steps skip the query.
        var asksForFiles = Step!.Fields.Any(f => f.Type == FieldType.File || f.Fields.Any(c => c.Type == FieldType.File));
        var files = asksForFiles ? await uploads.ForDraftAsync(Journey!.Draft!.Id, cancellationToken) : new Dictionary<string, UploadInfo>();
        Fields = FormRendering.FieldsToRender(Journey!.Definition, Step, answers, errors, English, id => files.GetValueOrDefault(id));
    }

    /// <summary>Hands the binder's files to the upload store, for this draft.</summary>
    private sealed class DraftUploadSink(UploadStore store, Guid draftId) : IUploadSink
    {
        public async Task<UploadResult> SaveAsync(FormField field, IFormFile file, CancellationToken cancellationToken)
        {
            var (id, error) = await store.SaveAsync(draftId, field, field.Id, file, cancellationToken);
            return error is null ? UploadResult.Saved(id!) : UploadResult.Failed(error);
        }
    }
}
