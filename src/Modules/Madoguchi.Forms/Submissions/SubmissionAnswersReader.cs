using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Engine;
using Madoguchi.Forms.Uploads;
using Madoguchi.Forms.Versions;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Submissions;

/// <summary>
/// The answers of a submission as the status page shows them (<see cref="FormEngine.Summarize"/> with the
/// submission's own form version), for the staff case page of the cases module.
/// </summary>
public sealed class SubmissionAnswersReader(MadoguchiDb db, FormVersions versions, UploadStore uploads) : ISubmissionAnswers
{
    public async Task<SubmissionAnswers?> SummarizeAsync(Guid submissionId, CancellationToken cancellationToken)
    {
        var submission = await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null || await versions.GetAsync(submission.FormVersionId, cancellationToken) is not { } form)
        {
            return null;
        }

        var files = submission.DraftId is { } draftId ? await uploads.ForDraftAsync(draftId, cancellationToken) : [];
        var context = new FormContext(SubmissionService.Today(submission.SubmittedAt)) { FindUpload = id => files.GetValueOrDefault(id) };
        var sections = FormEngine.Summarize(form.Definition, submission.Answers(), context);
        return new SubmissionAnswers(form.Number, [.. sections.Select(s => new AnswerSection(s.Step.Title.Ja, s.Step.Title.En ?? s.Step.Title.Ja, [.. s.Rows.Select(Row)]))]);
    }

    private static AnswerRow Row(SummaryRow row) => new(row.LabelJa, row.LabelEn, row.ValueJa, row.ValueEn, [.. row.Children.Select(Row)]);
}
