using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Platform.Outbox;

/// <summary>What happened to a retry request.</summary>
public enum OutboxRetryResult
{
    Requeued,
    NotFound,
    NotDeadLettered,
}

/// <summary>
/// What an administrator does with the outbox: see dead-lettered messages (never silently dropped)
/// and put one back in the queue. Used by the admin page and the API alike.
/// </summary>
public sealed class OutboxAdmin(MadoguchiDb db, ICurrentActor actor, TimeProvider clock)
{
    /// <summary>The current organisation's dead letters, newest first.</summary>
    public Task<List<OutboxMessage>> DeadLettersAsync(int take, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.DeadLetter)
            .OrderByDescending(m => m.CreatedAt)
            .Take(Math.Clamp(take, 1, 500))
            .ToListAsync(cancellationToken);

    public Task<OutboxMessage?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Puts a dead letter back to pending with a fresh set of attempts; the last error stays for reference.</summary>
    public async Task<OutboxRetryResult> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        var message = await db.OutboxMessages.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (message is null)
        {
            return OutboxRetryResult.NotFound;
        }

        if (message.Status != OutboxStatus.DeadLetter)
        {
            return OutboxRetryResult.NotDeadLettered;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var previousAttempts = message.Attempts;
        message.Status = OutboxStatus.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        message.LockedUntil = null;
        message.LockedBy = null;
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "outbox.retried", nameof(OutboxMessage), message.Id.ToString(),
            $"type={message.Type};previousAttempts={previousAttempts}", now));
        await db.SaveChangesAsync(cancellationToken);
        return OutboxRetryResult.Requeued;
    }
}
