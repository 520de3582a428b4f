using Madoguchi.Forms.Contracts;
using Madoguchi.Payments.Contracts;

namespace Madoguchi.Payments.Fees;

/// <summary><see cref="ISubmissionFeeStatus"/> for the forms status page: the payment state of <c>submission:{受付番号}</c>.</summary>
internal sealed class SubmissionFeeStatus(IPaymentStatus payments) : ISubmissionFeeStatus
{
    public async Task<SubmissionFeeState?> ForReceiptAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        var state = await payments.ForReferenceAsync(PaymentReferences.Submission(receiptNumber), cancellationToken);
        return state.State switch
        {
            PaymentState.None => null,
            PaymentState.Paid => new SubmissionFeeState(true, state.PaidYen),
            _ => new SubmissionFeeState(false, 0),
        };
    }
}
