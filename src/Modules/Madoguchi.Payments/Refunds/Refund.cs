using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Payments.Refunds;

/// <summary>A refund (還付・返金) of part or all of a captured payment, in yen. Audited (a staff or system action).</summary>
public sealed class Refund : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid PaymentId { get; set; }
    public long AmountYen { get; set; }

    /// <summary>What was left to refund after this one.</summary>
    public long RemainingYen { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
