namespace Madoguchi.Payments.Contracts;

/// <summary>What another module asks to be paid: the amount in yen for a reference such as <c>booking:{id}</c>.</summary>
public sealed record PaymentRequest(string Reference, long AmountYen, string Description, string ReturnUrl, Guid? DepartmentId = null);

/// <summary>
/// Asking for money (and giving up on it) from another module, without reading payments tables.
/// Every method works on the reference: a reference is never charged twice.
/// </summary>
public interface IPaymentRequests
{
    /// <summary>
    /// Starts the online payment of <paramref name="request"/> or continues the one in progress; returns
    /// the site-relative URL to send the payer to (the gateway's page, or the paid receipt when the
    /// reference is already paid).
    /// </summary>
    Task<string> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Before the caller gives up on a reference (e.g. a provisional booking lapses): each open payment
    /// is first checked with its gateway, so a capture not yet reported counts, and an authorised one is
    /// captured (the payer paid in time); what is still unpaid is cancelled. Returns the state after:
    /// <see cref="PaymentState.Paid"/> means the caller must keep what was paid for.
    /// </summary>
    Task<PaymentState> SettleOrCancelAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="references"/>, those with a captured payment.</summary>
    Task<IReadOnlySet<string>> PaidAmongAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken);
}
