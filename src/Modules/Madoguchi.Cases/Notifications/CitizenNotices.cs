using Madoguchi.Cases.Cases;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Notifications;

/// <summary>The notices sent about a citizen's applications, for their account's page (<see cref="ICitizenNotices"/>, ADR 0011).</summary>
public sealed class CitizenNotices(MadoguchiDb db) : ICitizenNotices
{
    public async Task<IReadOnlyList<CitizenNotice>> ForSubmissionsAsync(IReadOnlyCollection<Guid> submissionIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submissionIds);
        if (submissionIds.Count == 0)
        {
            return [];
        }

        var rows = await (
                from n in db.Set<CaseNotification>().AsNoTracking()
                join c in db.Set<Case>().AsNoTracking() on n.CaseId equals c.Id
                where submissionIds.Contains(c.SubmissionId) && n.Subject != null
                select new { c.SubmissionId, n.Kind, n.CreatedAt, n.Channel, n.Subject, n.Body })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(r => r.CreatedAt).Select(r => new CitizenNotice(r.SubmissionId, r.Kind, r.CreatedAt, r.Channel, r.Subject!, r.Body ?? ""))];
    }
}
