namespace Madoguchi.Platform.Outbox;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Run the delivery worker in this instance (several instances may run it at once).</summary>
    public bool Enabled { get; set; } = true;

    public double PollIntervalSeconds { get; set; } = 2;
    /// <summary>Messages one claim reserves.</summary>
    public int BatchSize { get; set; } = 40;

    /// <summary>
    /// Messages of a handler that only writes this database (<see cref="IOutboxHandler.DeliversInBatches"/>) delivered
    /// in one transaction (PostgreSQL); 1 delivers every message alone.
    /// </summary>
    public int DeliveryBatchSize { get; set; } = 10;

    /// <summary>Messages of a batch delivered at once by one worker (PostgreSQL; SQLite delivers one at a time).</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>Attempts before a message is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; doubles with each attempt (exponential backoff), capped at one hour.</summary>
    public double BaseDelaySeconds { get; set; } = 5;

    /// <summary>How long a claimed message stays reserved for the worker that claimed it.</summary>
    public double LockSeconds { get; set; } = 120;

    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = BaseDelaySeconds * Math.Pow(2, Math.Max(0, attempts - 1));
        return TimeSpan.FromSeconds(Math.Min(seconds, 3600));
    }
}
