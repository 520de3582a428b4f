using Madoguchi.Forms.Counter;
using Madoguchi.Forms.Drafts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Pages.Staff.Counter;

/// <summary>
/// The citizen's confirmation (ご本人確認): the answers in large text, turned to the citizen, who checks
/// them and ticks 「内容を確認しました」; then the submission is made through the one submission service
/// with channel 窓口 and the staff member recorded. A double click or a resent form meets the draft's
/// idempotency key and lands on the same application.
/// </summary>
[Authorize(Policy = "staff")]
public sealed class ConfirmModel(CounterDesk desk, FormJourney journey, SubmissionService submissions, MadoguchiDb db, ICurrentActor actor, TimeProvider clock) : PageModel
{
    public CounterContext? Counter { get; private set; }

    public IReadOnlyList<SummarySection> Sections { get; private set; } = [];

    public IReadOnlyList<ComputedResult> Computed { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    public bool ConsentMissing { get; private set; }

    [BindProperty]
    public bool Confirmed { get; set; }

    public bool English { get; } = FormJourney.English;

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftId, cancellationToken) is { } other)
        {
            return other;
        }

        await ShowAsync(validate: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(draftId, cancellationToken) is { } other)
        {
            return other;
        }

        if (!Confirmed)
        {
            ConsentMissing = true;
            await ShowAsync(validate: true, cancellationToken);
            return Page();
        }

        var draft = Counter!.Draft;
        var answers = draft.Answers();
        var userId = CounterDesk.UserId(User);
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) ?? "";
        // In the submission's transaction: a lost race clears it with the rest.
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "counter.submitted", nameof(Draft), draft.Id.ToString(), $"procedure {Counter.Procedure.Slug}", clock.GetUtcNow().UtcDateTime));
        var result = await submissions.SubmitAsync(
            new SubmitCommand(Counter.Procedure, Counter.Form, answers, SubmissionChannel.Counter)
            {
                Draft = draft,
                Email = SubmissionService.FirstEmail(Counter.Definition, answers) ?? draft.Email,
                Context = await journey.FormContextAsync(draft, cancellationToken),
                EnteredBy = (userId, name),
            },
            token => Api.FormsApi.StatusUrl(HttpContext, token), cancellationToken);
        if (result is SubmitResult.Accepted accepted)
        {
            return Redirect(CounterUrls.Print(accepted.Submission.Id) + "?submitted=true");
        }

        Errors = result is SubmitResult.Invalid invalid ? invalid.Validation.Errors : [];
        await ShowAsync(validate: false, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid draftId, CancellationToken cancellationToken)
    {
        Counter = await desk.LoadAsync(draftId, User, cancellationToken);
        if (Counter is null)
        {
            return NotFound();
        }

        return Counter.Draft.SubmissionId is { } submitted ? Redirect(CounterUrls.Print(submitted)) : null;
    }

    private async Task ShowAsync(bool validate, CancellationToken cancellationToken)
    {
        var answers = Counter!.Draft.Answers();
        var context = await journey.FormContextAsync(Counter.Draft, cancellationToken);
        if (validate)
        {
            Errors = FormEngine.Validate(Counter.Definition, answers, context).Errors;
        }

        var cleaned = FormEngine.Clean(Counter.Definition, answers);
        Sections = FormEngine.Summarize(Counter.Definition, cleaned, context);
        Computed = FormEngine.Compute(Counter.Definition, cleaned);
    }

    public string ChangeUrl(string path)
    {
        var step = FormJourney.StepOf(Counter!.Definition, path);
        return step is null ? "#" : CounterUrls.Step(Counter.Draft.Id, step.Id) + "?return=confirm#" + Rendering.FieldView.InputId(path);
    }
}
