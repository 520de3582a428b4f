using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Platform.Audit;

/// <summary>Result of walking an organisation's audit chain.</summary>
/// <param name="IsIntact">True when every link holds.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBrokenSequence">The first entry whose link or hash does not hold, if any.</param>
/// <param name="Problem">What is wrong at that entry, in English.</param>
public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>Links what is pending, then walks the hash chain in order and reports the first broken link.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(MadoguchiDb db, Guid organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Every committed entry is linked before the walk (PostgreSQL writes them unchained; see AuditChainer).
        await AuditChainer.ChainPendingAsync(db, organizationId, cancellationToken);
        var previousHash = "";
        long expected = 1;
        long checkedCount = 0;
        const int batch = 1000;
        long after = 0;
        while (true)
        {
            var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => e.OrganizationId == organizationId && e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(batch)
                .ToListAsync(cancellationToken);
            foreach (var entry in entries)
            {
                checkedCount++;
                if (entry.Sequence != expected)
                {
                    return new(false, checkedCount, expected, $"Entry {expected} is missing (next present is {entry.Sequence}).");
                }

                if (entry.PreviousHash != previousHash)
                {
                    return new(false, checkedCount, entry.Sequence, "Its previous-hash does not match the hash of the entry before it.");
                }

                if (entry.ComputeHash() != entry.Hash)
                {
                    return new(false, checkedCount, entry.Sequence, "Its content does not match its hash: the row was altered.");
                }

                previousHash = entry.Hash;
                expected++;
                after = entry.Sequence;
            }

            if (entries.Count < batch)
            {
                return new(true, checkedCount, null, null);
            }
        }
    }
}
