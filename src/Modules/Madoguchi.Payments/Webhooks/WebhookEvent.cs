using System.Text.Json;

namespace Madoguchi.Payments.Webhooks;

/// <summary>The body of a gateway webhook: event id (for de-duplication), payment, new status, amount, failure code.</summary>
public sealed record WebhookEvent(string Id, Guid PaymentId, string Status, long Amount, string? FailureCode, DateTime OccurredAt)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
