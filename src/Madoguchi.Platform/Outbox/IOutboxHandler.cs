namespace Madoguchi.Platform.Outbox;

/// <summary>Delivers one type of outbox message. Must be idempotent: a message may arrive twice.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    /// <summary>
    /// True when the handler only reads and writes this database (no email, no call out): on PostgreSQL the worker
    /// may then deliver several of its messages (same organisation) in one scope and one transaction, a commit for
    /// all of them. If any fails, the whole batch rolls back and each message is delivered again on its own, so only
    /// the failing one records a failure; a handler that calls out must stay false, or the others would call twice.
    /// </summary>
    bool DeliversInBatches => false;

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Delivers a batch (only called when <see cref="DeliversInBatches"/>), inside the worker's transaction. By default
    /// one message after the other; a handler may do better, e.g. load what all of them need in one query each.
    /// </summary>
    async Task HandleBatchAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            await HandleAsync(message, cancellationToken);
        }
    }
}
