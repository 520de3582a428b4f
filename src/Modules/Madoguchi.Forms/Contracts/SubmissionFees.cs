namespace Madoguchi.Forms.Contracts;

/// <summary>Whether a submission's fee (手数料) is paid, as the status page (状況照会) needs to know.</summary>
public sealed record SubmissionFeeState(bool Paid, long PaidYen);

/// <summary>
/// Implemented by the payments module (absent when it is not loaded): the status page shows "paid" instead of
/// offering to pay again. Forms does not reference payments; it only links to its fee page by URL.
/// </summary>
public interface ISubmissionFeeStatus
{
    /// <summary>The fee's state for the submission with this 受付番号; null when no payment was ever asked for.</summary>
    Task<SubmissionFeeState?> ForReceiptAsync(string receiptNumber, CancellationToken cancellationToken);
}
