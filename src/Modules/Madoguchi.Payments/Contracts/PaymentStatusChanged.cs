namespace Madoguchi.Payments.Contracts;

/// <summary>
/// Outbox event (type <see cref="Type"/>) written in the same transaction as a payment's change of
/// state by this module (capture, cancel, expiry 期限切れ, counter payment 窓口収納). The payments
/// module delivers it as a signed webhook to the organisation's configured URL; other modules may
/// ask <see cref="IPaymentStatus"/> about the reference.
/// </summary>
public sealed record PaymentStatusChanged(Guid EventId, Guid PaymentId, string Reference, string Status, long CapturedAmount, string? FailureCode, DateTime OccurredAt)
{
    public const string Type = "payments.status-changed";
}
