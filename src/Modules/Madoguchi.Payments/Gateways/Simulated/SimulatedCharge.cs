using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Payments.Gateways.Simulated;

/// <summary>
/// The simulated gateway's own record of a charge: what a real provider would keep on its side, and
/// the source of its status poll and settlement report. Not a business record of ours, so not audited.
/// </summary>
public sealed class SimulatedCharge : ITenantOwned, IAuditExempt
{
    public Guid PaymentId { get; set; }
    public Guid OrganizationId { get; set; }
    public PaymentStatus Status { get; set; }
    public long AmountYen { get; set; }
    public long CapturedYen { get; set; }
    public long RefundedYen { get; set; }
    public string? FailureCode { get; set; }
    public int Attempts { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CapturedAt { get; set; }
    public DateTime? RefundedAt { get; set; }
}
