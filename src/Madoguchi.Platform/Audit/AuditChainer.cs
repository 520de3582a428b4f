using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Platform.Audit;

/// <summary>
/// Links audit entries written on PostgreSQL to their organisation's hash chain (ADR 0004, addendum). Writers
/// insert their entries unchained (<see cref="AuditEntry.Sequence"/> 0) in their own transaction; the chainer
/// takes the organisation's advisory lock, reads the committed unchained entries in insertion order, gives them
/// the next sequence numbers and hashes, and commits. Only the chainer holds the lock, so writers' commits run
/// in parallel (group commit) instead of one after another. An entry committed late is linked in a later
/// batch: the chain records the order in which entries became durable and visible, which is the order an
/// auditor can rely on. Run by <see cref="AuditChainWorker"/> every second and by every reader of the chain
/// (verification, the audit list) before it reads, so they always see every committed entry linked.
/// </summary>
public static class AuditChainer
{
    public const int BatchSize = 5000;

    /// <summary>The advisory-lock key of an organisation's chain.</summary>
    public static long LockKey(Guid organizationId) => BitConverter.ToInt64(organizationId.ToByteArray(), 0);

    /// <summary>Links every committed unchained entry of the organisation; returns how many were linked.</summary>
    public static async Task<int> ChainPendingAsync(MadoguchiDb db, Guid organizationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return 0; // SQLite chains in the writer's (exclusive) transaction: nothing is ever pending.
        }

        var linked = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(organizationId)})", cancellationToken);
            var pending = await db.AuditEntries.IgnoreQueryFilters()
                .Where(e => e.OrganizationId == organizationId && e.Sequence == 0)
                .OrderBy(e => e.Id)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                return linked;
            }

            await LinkAsync(db, organizationId, pending, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            linked += pending.Count;
            if (pending.Count < BatchSize)
            {
                return linked;
            }
        }
    }

    /// <summary>Numbers and hashes <paramref name="entries"/>, in order, after the organisation's last linked entry.</summary>
    internal static async Task LinkAsync(MadoguchiDb db, Guid organizationId, IEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var last = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.Sequence > 0)
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? "";
        foreach (var entry in entries)
        {
            entry.Sequence = ++sequence;
            entry.PreviousHash = previousHash;
            entry.Hash = entry.ComputeHash();
            previousHash = entry.Hash;
        }
    }

    /// <summary>Links the pending entries of every organisation that has some.</summary>
    public static async Task<int> ChainAllPendingAsync(MadoguchiDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return 0;
        }

        var organizations = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.Sequence == 0).Select(e => e.OrganizationId).Distinct().ToListAsync(cancellationToken);
        var linked = 0;
        foreach (var organizationId in organizations)
        {
            linked += await ChainPendingAsync(db, organizationId, cancellationToken);
        }

        return linked;
    }
}

/// <summary>Runs the <see cref="AuditChainer"/> every second on PostgreSQL (any number of instances: the lock orders them).</summary>
public sealed partial class AuditChainWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AuditChainWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
                if (!db.Database.IsNpgsql())
                {
                    return;
                }

                await AuditChainer.ChainAllPendingAsync(db, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must survive any failure (database down) and try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogChainFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Linking audit entries to their chain failed; trying again")]
    private static partial void LogChainFailed(ILogger logger, Exception exception);
}
