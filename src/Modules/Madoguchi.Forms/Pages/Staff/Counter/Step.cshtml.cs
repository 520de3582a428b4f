using System.Text.Json.Nodes;
using Madoguchi.Forms.Counter;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.PostalCodes;
using Madoguchi.Forms.Rendering;
using Madoguchi.Forms.Uploads;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Forms.Pages.Staff.Counter;

/// <summary>
/// One question group of a counter draft: the citizen journey's binder, actions, validation and
/// field partials, on a draft held by staff (by id, under /staff) instead of a citizen's cookie.
/// </summary>
[Authorize(Policy = "staff")]
[RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
public sealed class StepModel(CounterDesk desk, FormJourney journey, UploadStore uploads, IPostalCodeDirectory postalCodes, MadoguchiDb db, TimeProvider clock) : PageModel
{
    public CounterContext? Counter { get; private set; }

    public FormStep? Step { get; private set; }

    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public int StepNumber { get; private set; }

    public int StepTotal { get; private set; }

    public string BackUrl { get; private set; } = CounterUrls.Home;

    [BindProperty(SupportsGet = true, Name = "return")]
    public string? ReturnTo { get; set; }

    public bool English { get; } = FormJourney.English;

    public async Task<IActionResult> OnGetAsync(Guid draftId, string stepId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftId, stepId, cancellationToken) is { } other)
        {
            return other;
        }

        await ShowAsync(Counter!.Draft.Answers(), [], cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, string stepId, string? action, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftId, stepId, cancellationToken) is { } other)
        {
            return other;
        }

        var draft = Counter!.Draft;
        var definition = Counter.Definition;
        var (answers, bindErrors) = await FormPostBinder.BindAsync(definition, Step!, Request.Form, draft.Answers(), new Sink(uploads, draft.Id), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        draft.SaveAnswers(answers, now);
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

        await db.SaveChangesAsync(cancellationToken);
        var context = await journey.FormContextAsync(draft, cancellationToken);
        var validation = FormEngine.ValidateStep(definition, Step!, answers, context);
        var errors = bindErrors.Concat(validation.Errors.Where(e => !bindErrors.Any(b => b.Path == e.Path))).ToList();
        if (errors.Count > 0)
        {
            await ShowAsync(answers, errors, cancellationToken);
            return Page();
        }

        var next = ReturnTo == "confirm" ? null : FormJourney.NextStep(definition, answers, Step!.Id);
        return Redirect(next is null ? CounterUrls.Confirm(draftId) : CounterUrls.Step(draftId, next.Id));
    }

    private async Task<IActionResult?> LoadAsync(Guid draftId, string stepId, CancellationToken cancellationToken)
    {
        Counter = await desk.LoadAsync(draftId, User, cancellationToken);
        if (Counter is null)
        {
            return NotFound();
        }

        if (Counter.Draft.SubmissionId is { } submitted)
        {
            return Redirect(CounterUrls.Print(submitted));
        }

        var answers = Counter.Draft.Answers();
        var visible = FormEngine.VisibleSteps(Counter.Definition, answers);
        Step = visible.FirstOrDefault(s => s.Id == stepId);
        if (Step is null)
        {
            return Redirect(CounterUrls.Step(draftId, visible[0].Id));
        }

        StepNumber = visible.ToList().IndexOf(Step) + 1;
        StepTotal = visible.Count;
        var previous = FormJourney.PreviousStep(Counter.Definition, answers, stepId);
        BackUrl = ReturnTo == "confirm" ? CounterUrls.Confirm(draftId) : previous is null ? CounterUrls.Home : CounterUrls.Step(draftId, previous.Id);
        return null;
    }

    private async Task ShowAsync(JsonObject answers, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        var files = await uploads.ForDraftAsync(Counter!.Draft.Id, cancellationToken);
        Fields = FormRendering.FieldsToRender(Counter.Definition, Step!, answers, errors, English, id => files.GetValueOrDefault(id));
    }

    private sealed class Sink(UploadStore store, Guid draftId) : IUploadSink
    {
        public async Task<UploadResult> SaveAsync(FormField field, IFormFile file, CancellationToken cancellationToken)
        {
            var (id, error) = await store.SaveAsync(draftId, field, field.Id, file, cancellationToken);
            return error is null ? UploadResult.Saved(id!) : UploadResult.Failed(error);
        }
    }
}
