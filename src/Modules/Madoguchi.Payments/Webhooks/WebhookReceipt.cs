using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Payments.Webhooks;

/// <summary>
/// A webhook event already processed: a unique (organisation, gateway, event id) makes a second
/// delivery a no-op. Technical, so not audited (the payment change it causes is).
/// </summary>
public sealed class WebhookReceipt : ITenantOwned, IAuditExempt
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Gateway { get; set; }
    public required string EventId { get; set; }
    public Guid PaymentId { get; set; }
    public required string Outcome { get; set; }
    public DateTime ReceivedAt { get; set; }
}
