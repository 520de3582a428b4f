using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Forms.Submissions;

/// <summary>Lets other modules (cases) read a submission of the current organisation through the contract.</summary>
public sealed class SubmissionReader(MadoguchiDb db, SubmissionService service, Versions.FormVersions versions) : ISubmissionReader
{
    public async Task<SubmissionInfo?> FindAsync(Guid submissionId, CancellationToken cancellationToken) =>
        await InfoAsync(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<SubmissionInfo>> FindManyAsync(IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken)
    {
        var found = await db.Set<Submission>().AsNoTracking().Where(s => submissionIds.Contains(s.Id)).ToListAsync(cancellationToken);
        var infos = new List<SubmissionInfo>(found.Count);
        foreach (var submission in found)
        {
            infos.Add((await InfoAsync(submission, cancellationToken))!);
        }

        return infos;
    }

    public async Task<SubmissionInfo?> FindByReceiptNumberAsync(string receiptNumber, CancellationToken cancellationToken) =>
        await InfoAsync(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.ReceiptNumber == receiptNumber, cancellationToken), cancellationToken);

    public async Task<SubmissionInfo?> FindByStatusTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (token is null || token.Length is < 20 or > 100)
        {
            return null;
        }

        var hash = Drafts.DraftStore.Hash(token);
        return await InfoAsync(await db.Set<Submission>().AsNoTracking().FirstOrDefaultAsync(s => s.StatusTokenHash == hash, cancellationToken), cancellationToken);
    }

    private async Task<SubmissionInfo?> InfoAsync(Submission? s, CancellationToken cancellationToken)
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

        // The version it was made with (cached: published versions never change) says which computed values are fees.
        var form = await versions.GetAsync(s.FormVersionId, cancellationToken);
        var feeItems = form?.Definition.Computed.Where(c => c.IsFee).Select(c => new FeeItem(c.Id, c.Label.Ja, c.Label.Get(true))).ToList() ?? [];

        return new SubmissionInfo(s.Id, s.ReceiptNumber, s.ProcedureId, s.ProcedureSlug, s.FormVersionId, s.SubmittedAt, s.AnswersJson, s.ComputedJson, s.Email)
        {
            Language = s.Language,
            StatusToken = token,
            Channel = SubmissionChannels.WireName(s.Channel),
            CitizenAccountId = s.CitizenAccountId,
            EnteredByName = s.EnteredByName,
            FeeItems = feeItems,
        };
    }
}
