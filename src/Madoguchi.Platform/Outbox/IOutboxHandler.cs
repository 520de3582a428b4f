namespace Madoguchi.Platform.Outbox;

/// <summary>Delivers one type of outbox message. Must be idempotent: a message may arrive twice.</summary>
public interface IOutboxHandler
{
    string Type { get; }

    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
