using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Madoguchi.Platform.Outbox;

/// <summary>
/// Delivers outbox messages at least once: claims a batch (on PostgreSQL with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several instances never claim the same row), hands each to its
/// handler, and on failure retries with exponential backoff until the limit, then dead-letters it.
/// A claim expires, so a message held by a crashed instance is delivered by another later. On PostgreSQL
/// it delivers up to <see cref="OutboxOptions.Concurrency"/> messages of a batch at once: messages carry
/// no order, as with several instances.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly string _workerId = $"{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return; // Outbox:Enabled=false: another instance delivers.
        }

        var interval = TimeSpan.FromSeconds(options.Value.PollIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var delivered = await RunOnceAsync(stoppingToken);
                if (delivered > 0)
                {
                    continue; // more may be waiting
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The worker must survive any failure (database down, bad handler) and try again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(logger, ex);
            }

            try
            {
                await Task.Delay(interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims and processes one batch; returns how many messages were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        List<ClaimedMessage> claimed;
        var concurrency = 1;
        var batchSize = 1;
        HashSet<string> batchedTypes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MadoguchiDb>();
            claimed = await ClaimAsync(db, cancellationToken);
            // SQLite has one writer: delivering at once there only queues on its lock, and a batch's transaction
            // would hold that lock throughout.
            if (db.Database.IsNpgsql())
            {
                concurrency = Math.Max(1, options.Value.Concurrency);
                batchSize = Math.Max(1, options.Value.DeliveryBatchSize);
            }

            batchedTypes = scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.DeliversInBatches).Select(h => h.Type).ToHashSet(StringComparer.Ordinal);
        }

        // A delivery is one scope and one transaction: a message alone, or several of a handler that only writes this
        // database (same type and organisation), which then share the scope, the round trips and the commit. Up to
        // Outbox:Concurrency deliveries at once, so the worker keeps up with sustained submissions (each waits on its
        // round trips and its commit, not on the CPU); one failure never undoes another delivery.
        var deliveries = claimed
            .GroupBy(m => (m.Type, m.OrganizationId, Alone: batchSize > 1 && batchedTypes.Contains(m.Type) ? Guid.Empty : m.Id))
            .SelectMany(g => g.Select(m => m.Id).Chunk(batchSize))
            .ToList();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (ids, _) =>
            {
                // The worker's own token, not the loop's: a message whose save fails must not cancel its neighbours' deliveries.
                if (ids.Length == 1 || !await DeliverBatchAsync(ids, cancellationToken))
                {
                    foreach (var id in ids)
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await ProcessAsync(scope.ServiceProvider, id, cancellationToken);
                    }
                }
            });

        return claimed.Count;
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(MadoguchiDb db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lockedUntil = now.AddSeconds(options.Value.LockSeconds);
        var batch = options.Value.BatchSize;
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<ClaimedMessage>($"""
                UPDATE platform_outbox_messages SET "LockedUntil" = {lockedUntil}, "LockedBy" = {_workerId}
                WHERE "Id" IN (
                    SELECT "Id" FROM platform_outbox_messages
                    WHERE "Status" = 0 AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                    ORDER BY "NextAttemptAt"
                    LIMIT {batch}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "Type", "OrganizationId"
                """).ToListAsync(cancellationToken);
        }

        // SQLite has one writer at a time: the UPDATE ... RETURNING is atomic on its own.
        return await db.Database.SqlQuery<ClaimedMessage>($"""
            UPDATE platform_outbox_messages SET "LockedUntil" = {lockedUntil}, "LockedBy" = {_workerId}
            WHERE "Id" IN (
                SELECT "Id" FROM platform_outbox_messages
                WHERE "Status" = 0 AND "NextAttemptAt" <= {now} AND ("LockedUntil" IS NULL OR "LockedUntil" < {now})
                ORDER BY "NextAttemptAt"
                LIMIT {batch})
            RETURNING "Id", "Type", "OrganizationId"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Delivers several messages of one batching handler in one scope and one transaction (PostgreSQL). Returns false,
    /// with everything rolled back and nothing recorded, when any of them failed: the caller then delivers each alone.
    /// </summary>
    private async Task<bool> DeliverBatchAsync(Guid[] ids, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<MadoguchiDb>();
        var messages = (await db.OutboxMessages.IgnoreQueryFilters().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken))
            .Where(m => m.Status == OutboxStatus.Pending && m.LockedBy == _workerId)
            .ToList();
        if (messages.Count == 0)
        {
            return true;
        }

        await SetTenantAsync(services, db, messages[0].OrganizationId, cancellationToken);
        var handler = services.GetServices<IOutboxHandler>().First(h => h.Type == messages[0].Type);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await handler.HandleBatchAsync(messages, cancellationToken);

            var deliveredAt = clock.GetUtcNow().UtcDateTime;
            foreach (var message in messages)
            {
                message.Attempts++;
                MarkDelivered(db, message, deliveredAt);
            }

            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One message of the batch failed: the caller delivers each alone, and only that one records its failure.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await transaction.RollbackAsync(CancellationToken.None);
            LogBatchFailed(logger, ex, messages[0].Type, messages.Count);
            return false;
        }
    }

    private static async Task SetTenantAsync(IServiceProvider services, MadoguchiDb db, Guid organizationId, CancellationToken cancellationToken)
    {
        // The message acts for its organisation: handlers find the tenant resolved, from the cache the requests use.
        var tenant = services.GetRequiredService<TenantContext>();
        if (!tenant.IsResolved && (await OrganizationCache.AllAsync(services.GetRequiredService<IMemoryCache>(), db, cancellationToken))
            .FirstOrDefault(o => o.Id == organizationId) is { } organization)
        {
            tenant.Set(organization);
        }
    }

    private async Task ProcessAsync(IServiceProvider services, Guid id, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MadoguchiDb>();
        var message = await db.OutboxMessages.IgnoreQueryFilters().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null || message.Status != OutboxStatus.Pending || message.LockedBy != _workerId)
        {
            return;
        }

        await SetTenantAsync(services, db, message.OrganizationId, cancellationToken);

        var handler = services.GetServices<IOutboxHandler>().FirstOrDefault(h => h.Type == message.Type);
        // PostgreSQL: the handler's writes and the delivered mark commit together, in one transaction: a handler
        // that fails half-way leaves nothing behind, and a delivery costs one commit, not two. (EF Core wraps each
        // SaveChanges in a savepoint there, so a handler may still catch a unique violation and carry on.) SQLite
        // keeps a commit per save: a transaction there would hold its single write lock through an email send.
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var attempts = message.Attempts + 1;
        message.Attempts = attempts;
        try
        {
            if (handler is null)
            {
                throw new InvalidOperationException($"No handler for outbox message type '{message.Type}'.");
            }

            await handler.HandleAsync(message, cancellationToken);
            MarkDelivered(db, message, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            if (transaction is not null)
            {
                await transaction.CommitAsync(CancellationToken.None);
            }

            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failing delivery is recorded on the message, never lost.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            // Forget whatever the handler left unsaved (or rolled back), and record the failure on the message alone.
            db.ChangeTracker.Clear();
            await RecordFailureAsync(db, id, attempts, ex);
        }
    }

    /// <summary>Marks a handled message delivered (not saved); tracks it again if its handler cleared the change tracker.</summary>
    private static void MarkDelivered(MadoguchiDb db, OutboxMessage message, DateTime deliveredAt)
    {
        if (db.Entry(message).State == EntityState.Detached)
        {
            // The handler cleared its change tracker (after losing a race, say): track the message again, attempt included.
            db.Attach(message);
            db.Entry(message).Property(m => m.Attempts).IsModified = true;
        }

        message.Status = OutboxStatus.Delivered;
        message.DeliveredAt = deliveredAt;
        message.LastError = null;
        message.LockedUntil = null;
        message.LockedBy = null;
    }

    private async Task RecordFailureAsync(MadoguchiDb db, Guid id, int attempts, Exception exception)
    {
        var message = await db.OutboxMessages.IgnoreQueryFilters().FirstAsync(m => m.Id == id, CancellationToken.None);
        message.Attempts = attempts;
        message.LastError = Truncate($"{exception.GetType().Name}: {exception.Message}", 2000);
        if (attempts >= options.Value.MaxAttempts)
        {
            message.Status = OutboxStatus.DeadLetter;
            LogDeadLettered(logger, message.Id, message.Type, attempts);
        }
        else
        {
            message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + options.Value.RetryDelay(attempts);
            LogRetrying(logger, message.Id, message.Type, attempts);
        }

        message.LockedUntil = null;
        message.LockedBy = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox poll failed; will try again.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch of {Count} outbox messages ({Type}) failed; delivering each alone.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string type, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type}) failed on attempt {Attempts}; retrying with backoff.")]
    private static partial void LogRetrying(ILogger logger, Guid id, string type, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Type}) dead-lettered after {Attempts} attempts.")]
    private static partial void LogDeadLettered(ILogger logger, Guid id, string type, int attempts);

    /// <summary>What a claim returns of each message: enough to group deliveries.</summary>
    private sealed class ClaimedMessage
    {
        public Guid Id { get; set; }
        public string Type { get; set; } = "";
        public Guid OrganizationId { get; set; }
    }
}
