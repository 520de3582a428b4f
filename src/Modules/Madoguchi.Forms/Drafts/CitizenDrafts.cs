using Madoguchi.Forms.Contracts;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Forms.Drafts;

/// <summary>
/// A signed-in citizen's drafts (住民アカウント, ADR 0011): a new draft starts with the profile's values and
/// is linked to the account; the account's page resumes it through the ordinary start page, which hands
/// this browser the account's draft when it holds none.
/// </summary>
public sealed class CitizenDrafts(MadoguchiDb db, DraftStore drafts, IServiceProvider services, TimeProvider clock)
{
    public ICitizenSession? Session => services.GetService<ICitizenSession>();

    public async Task<CitizenProfile?> CurrentAsync(HttpContext http, string purpose, CancellationToken cancellationToken) =>
        Session is { } session ? await session.CurrentAsync(http, purpose, cancellationToken) : null;

    /// <summary>The account's latest unsubmitted draft of the procedure, given to this browser (a new token: an older link to it stops working).</summary>
    public async Task<bool> HoldLatestAsync(HttpContext http, Guid accountId, string slug, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.Set<Draft>()
            .Where(d => d.CitizenAccountId == accountId && d.ProcedureSlug == slug && d.SubmittedAt == null && d.CounterStaffId == null && d.ExpiresAt > now)
            .OrderByDescending(d => d.LastActivityAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            return false;
        }

        drafts.Rekey(http, draft);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}

/// <summary>The account's drafts and submissions for its page (<see cref="ICitizenApplications"/>).</summary>
public sealed class CitizenApplicationsReader(MadoguchiDb db, SubmissionService submissions, TimeProvider clock) : ICitizenApplications
{
    public async Task<IReadOnlyList<CitizenApplication>> ForAccountAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await db.Set<Draft>().AsNoTracking()
            .Where(d => d.CitizenAccountId == accountId && d.SubmittedAt == null && d.CounterStaffId == null && d.ExpiresAt > now)
            .OrderByDescending(d => d.LastActivityAt)
            .Take(50)
            .ToListAsync(cancellationToken);
        var sent = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.CitizenAccountId == accountId)
            .OrderByDescending(s => s.SubmittedAt)
            .Take(100)
            .ToListAsync(cancellationToken);
        var result = open.Select(d => new CitizenApplication(d.ProcedureSlug, d.LastActivityAt, null, null, null, null)).ToList();
        foreach (var s in sent)
        {
            string? token;
            try
            {
                token = submissions.StatusToken(s);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                token = null;
            }

            result.Add(new CitizenApplication(s.ProcedureSlug, s.SubmittedAt, s.Id, s.ReceiptNumber, s.SubmittedAt, token));
        }

        return result;
    }
}
