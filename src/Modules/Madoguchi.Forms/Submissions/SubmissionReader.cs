using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Submissions;

/// <summary>Lets other modules (cases) read a submission of the current organisation through the contract.</summary>
public sealed class SubmissionReader(MadoguchiDb db) : ISubmissionReader
{
    public async Task<SubmissionInfo?> FindAsync(Guid submissionId, CancellationToken cancellationToken) =>
        await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Id == submissionId)
            .Select(s => new SubmissionInfo(s.Id, s.ReceiptNumber, s.ProcedureId, s.ProcedureSlug, s.FormVersionId, s.SubmittedAt, s.AnswersJson, s.ComputedJson, s.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SubmissionInfo?> FindByReceiptNumberAsync(string receiptNumber, CancellationToken cancellationToken) =>
        await db.Set<Submission>().AsNoTracking()
            .Where(s => s.ReceiptNumber == receiptNumber)
            .Select(s => new SubmissionInfo(s.Id, s.ReceiptNumber, s.ProcedureId, s.ProcedureSlug, s.FormVersionId, s.SubmittedAt, s.AnswersJson, s.ComputedJson, s.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SubmissionInfo?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Drafts.DraftStore.Hash(token);
        return await db.Set<Submission>().AsNoTracking()
            .Where(s => s.StatusTokenHash == hash)
            .Select(s => new SubmissionInfo(s.Id, s.ReceiptNumber, s.ProcedureId, s.ProcedureSlug, s.FormVersionId, s.SubmittedAt, s.AnswersJson, s.ComputedJson, s.Email))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
