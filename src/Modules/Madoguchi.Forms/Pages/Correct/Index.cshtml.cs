using System.Text.Json.Nodes;
using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Corrections;
using Madoguchi.Forms.Definitions;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Journey;
using Madoguchi.Forms.Rendering;
using Madoguchi.Forms.Submissions;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Forms.Pages.Correct;

/// <summary>
/// 補正: the applicant opens the link from the 補正依頼 email (or from their status page), reads what
/// the department asks, changes ONLY the requested answers (the others are shown read-only), and
/// resubmits. Validated by the form engine against the submission's own form version. The link is the
/// capability (no sign-in) and works once: a second resubmit says it is already done.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 110 * 1024 * 1024)]
public sealed class IndexModel(SubmissionService submissions, FormVersions versions, UploadStore uploads, MadoguchiDb db, TimeProvider clock, IProcedureCatalog catalog, IServiceProvider services) : PageModel
{
    public CorrectionRequestInfo? Correction { get; private set; }

    public Submission? Submission { get; private set; }

    public string ProcedureTitle { get; private set; } = "";

    public IReadOnlyList<FieldView> Fields { get; private set; } = [];

    public IReadOnlyList<FieldError> Errors { get; private set; } = [];

    /// <summary>The answers not asked about, read-only.</summary>
    public IReadOnlyList<SummaryRow> Others { get; private set; } = [];

    /// <summary>Another tab or click resubmitted first.</summary>
    public bool RaceLost { get; private set; }

    public bool English { get; } = FormJourney.English;

    public string Token { get; private set; } = "";

    private PublishedForm? _form;

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, tracked: false, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (Correction!.State == CorrectionState.Open)
        {
            await ShowAsync(Submission!.Answers(), [], cancellationToken);
        }
        else if (Correction.State != CorrectionState.Answered)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, Guid correction, CancellationToken cancellationToken)
    {
        if (await LoadAsync(token, tracked: true, cancellationToken) is { } missing)
        {
            return missing;
        }

        if (correction != Correction!.Id)
        {
            // The form was posted for another 補正依頼 than this link's: refuse, change nothing.
            return BadRequest();
        }

        if (Correction.State != CorrectionState.Open)
        {
            if (Correction.State != CorrectionState.Answered)
            {
                Response.StatusCode = StatusCodes.Status410Gone;
            }

            return Page();
        }

        var submission = Submission!;
        var definition = _form!.Definition;
        var step = RequestedStep(definition);
        var draftId = submission.DraftId ?? submission.Id;
        var before = submission.Answers();
        var (answers, bindErrors) = await FormPostBinder.BindAsync(definition, step, Request.Form, before, new UploadSink(uploads, draftId), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var context = new FormContext(SubmissionService.Today(now));
        var requested = Correction.Fields.ToHashSet(StringComparer.Ordinal);
        bool Mine(FieldError e) => requested.Any(f => e.Path == f || e.Path.StartsWith(f + ".", StringComparison.Ordinal) || e.Path.StartsWith(f + "[", StringComparison.Ordinal));
        var validation = FormEngine.Validate(definition, answers, context);
        var errors = bindErrors.Concat(validation.Errors.Where(Mine).Where(e => !bindErrors.Any(b => b.Path == e.Path))).ToList();
        if (errors.Count > 0)
        {
            await ShowAsync(answers, errors, cancellationToken);
            return Page();
        }

        var after = FormEngine.Clean(definition, answers);
        var changes = CorrectionDiff.Changes(definition, requested, before, after, context);
        var corrections = services.GetRequiredService<ICorrectionRequests>();
        var outcome = await corrections.StageAnswerAsync(Correction.Id, changes, cancellationToken);
        if (outcome != CorrectionAnswerOutcome.Staged)
        {
            return Redirect(SelfUrl());
        }

        submission.Revision++;
        db.Add(new SubmissionRevision
        {
            Id = Guid.NewGuid(),
            SubmissionId = submission.Id,
            CorrectionId = Correction.Id,
            Number = submission.Revision,
            AnswersBeforeJson = submission.AnswersJson,
            AnswersAfterJson = after.ToJsonString(),
            CreatedAt = now,
        });
        submission.AnswersJson = after.ToJsonString();
        var computed = new JsonObject();
        foreach (var value in FormEngine.Compute(definition, after))
        {
            computed[value.Definition.Id] = value.Value;
        }

        submission.ComputedJson = computed.ToJsonString();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A double click or a second tab with the same link won (unique revision per 補正依頼): nothing is duplicated.
            db.ChangeTracker.Clear();
        }

        return Redirect(SelfUrl());
    }

    private string SelfUrl() => $"/correct/{Token}";

    private async Task<IActionResult?> LoadAsync(string token, bool tracked, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Token = token;
        var corrections = services.GetService<ICorrectionRequests>();
        if (corrections is null || token.Length is < 20 or > 100)
        {
            return NotFound();
        }

        // The 補正依頼 link, or the status URL's token (the status page links here while a request is open).
        Correction = await corrections.FindByTokenAsync(token, cancellationToken);
        if (Correction is null && await submissions.FindByStatusTokenAsync(token, cancellationToken) is { } byStatus)
        {
            Correction = await corrections.LatestForSubmissionAsync(byStatus.Id, cancellationToken);
        }

        if (Correction is null)
        {
            return NotFound();
        }

        var query = db.Set<Submission>().Where(s => s.Id == Correction.SubmissionId);
        Submission = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(cancellationToken);
        _form = Submission is null ? null : await versions.GetAsync(Submission.FormVersionId, cancellationToken);
        if (Submission is null || _form is null)
        {
            return NotFound();
        }

        var procedure = await catalog.FindAsync(Submission.ProcedureSlug, cancellationToken);
        ProcedureTitle = procedure is null ? Submission.ProcedureSlug : English ? procedure.TitleEn : procedure.TitleJa;
        return null;
    }

    private FormStep RequestedStep(FormDefinition definition)
    {
        var requested = Correction!.Fields.ToHashSet(StringComparer.Ordinal);
        return new FormStep
        {
            Id = "correction",
            Title = new LocalizedText("補正", "Correction"),
            Fields = [.. definition.AllFields().Where(f => requested.Contains(f.Id))],
        };
    }

    private async Task ShowAsync(JsonObject answers, IReadOnlyList<FieldError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        var definition = _form!.Definition;
        var files = await uploads.ForDraftAsync(Submission!.DraftId ?? Submission.Id, cancellationToken);
        Fields = FormRendering.FieldsToRender(definition, RequestedStep(definition), answers, errors, English, id => files.GetValueOrDefault(id));
        var requested = Correction!.Fields.ToHashSet(StringComparer.Ordinal);
        var context = new FormContext(SubmissionService.Today(Submission.SubmittedAt)) { FindUpload = id => files.GetValueOrDefault(id) };
        Others = [.. FormEngine.Summarize(definition, Submission.Answers(), context).SelectMany(s => s.Rows).Where(r => !requested.Contains(r.Path))];
    }

    private sealed class UploadSink(UploadStore store, Guid draftId) : IUploadSink
    {
        public async Task<UploadResult> SaveAsync(FormField field, IFormFile file, CancellationToken cancellationToken)
        {
            var (id, error) = await store.SaveAsync(draftId, field, field.Id, file, cancellationToken);
            return error is null ? UploadResult.Saved(id!) : UploadResult.Failed(error);
        }
    }
}
