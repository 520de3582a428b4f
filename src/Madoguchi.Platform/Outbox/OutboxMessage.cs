using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.Outbox;

/// <summary>
/// A message (an email, an event between modules) written in the same transaction as the business
/// change, and delivered at least once by <see cref="OutboxWorker"/>. Handlers must be idempotent.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Routes the message to its handler, e.g. <c>email</c>.</summary>
    public required string Type { get; set; }

    /// <summary>JSON payload.</summary>
    public required string Payload { get; set; }

    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>While set and in the future, a worker holds the message.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LockedBy { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? LastError { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Delivered = 1,

    /// <summary>Gave up after the retry limit; visible to admins, who can retry it.</summary>
    DeadLetter = 2,
}
