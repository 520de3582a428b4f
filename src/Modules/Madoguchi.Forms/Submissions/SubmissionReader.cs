using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Submissions;

/// <summary>Lets other modules (cases) read a submission of the current organisation through the contract.</summary>
public sealed class SubmissionReader(MadoguchiDb db, SubmissionService service) : ISubmissionReader
{
    public async Task<SubmissionInfo?> FindAsync(Guid submissionId, CancellationToken cancellationToken) =>
        Info(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken));

    public async Task<SubmissionInfo?> FindByReceiptNumberAsync(string receiptNumber, CancellationToken cancellationToken) =>
        Info(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.ReceiptNumber == receiptNumber, cancellationToken));

    public async Task<SubmissionInfo?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Drafts.DraftStore.Hash(token);
        return Info(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.StatusTokenHash == hash, cancellationToken));
    }

    private SubmissionInfo? Info(Submission? s)
    {
        if (s is null)
        {
            return null;
        }

        string? token;
        try
        {
            token = service.StatusToken(s);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            token = null;
        }

        return new SubmissionInfo(s.Id, s.ReceiptNumber, s.ProcedureId, s.ProcedureSlug, s.FormVersionId, s.SubmittedAt, s.AnswersJson, s.ComputedJson, s.Email)
        {
            Language = s.Language,
            StatusToken = token,
            Channel = SubmissionChannels.WireName(s.Channel),
            CitizenAccountId = s.CitizenAccountId,
            EnteredByName = s.EnteredByName,
        };
    }
}
