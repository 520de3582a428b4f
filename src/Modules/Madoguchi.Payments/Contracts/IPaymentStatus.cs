namespace Madoguchi.Payments.Contracts;

/// <summary>Whether a reference's fee is paid (収納済み), still owed (未納), or was never asked for.</summary>
public enum PaymentState
{
    /// <summary>No payment was ever created for the reference (no fee, or exempt).</summary>
    None,

    /// <summary>A payment exists and none is paid: created, started, authorised, failed, cancelled or expired.</summary>
    Outstanding,

    /// <summary>One payment for the reference is captured (refunds later do not make it unpaid).</summary>
    Paid,
}

/// <summary>What another module learns about a reference such as <c>submission:{receipt}</c> or <c>booking:{id}</c>.</summary>
public sealed record PaymentStatusInfo(PaymentState State, long AmountYen, long PaidYen, Guid? PaymentId, string? PaymentNumber);

/// <summary>
/// "Is this paid?" for a reference, within the current organisation. Other modules (forms, bookings,
/// cases) use this instead of reading payments tables.
/// </summary>
public interface IPaymentStatus
{
    Task<PaymentStatusInfo> ForReferenceAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>References other modules use, so that they are spelled the same everywhere.</summary>
public static class PaymentReferences
{
    public static string Submission(string receiptNumber) => "submission:" + receiptNumber;

    public static string Booking(Guid bookingId) => "booking:" + bookingId.ToString("D");
}
