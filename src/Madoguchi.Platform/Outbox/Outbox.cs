using System.Text.Json;
using Madoguchi.Platform.Data;

namespace Madoguchi.Platform.Outbox;

/// <summary>Adds messages to the outbox in the caller's unit of work; they are saved with it.</summary>
public sealed class Outbox(MadoguchiDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public OutboxMessage Enqueue<T>(string type, T payload, Guid? organizationId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId ?? db.CurrentOrganizationId,
            Type = type,
            Payload = JsonSerializer.Serialize(payload, Json),
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    public static T Read<T>(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return JsonSerializer.Deserialize<T>(message.Payload, Json)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has an empty payload.");
    }
}
