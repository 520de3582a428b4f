using Madoguchi.Payments.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Payments;

/// <summary>
/// <see cref="IPaymentStatus"/>: a reference is paid when one of its payments is captured (a refund
/// later does not make it owed again), outstanding when payments exist and none is paid.
/// </summary>
internal sealed class PaymentStatusReader(MadoguchiDb db) : IPaymentStatus
{
    public async Task<PaymentStatusInfo> ForReferenceAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var payments = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == reference).ToListAsync(cancellationToken);
        if (payments.Count == 0)
        {
            return new PaymentStatusInfo(PaymentState.None, 0, 0, null, null);
        }

        if (payments.FirstOrDefault(p => PaymentLifecycle.IsPaid(p.Status)) is { } paid)
        {
            return new PaymentStatusInfo(PaymentState.Paid, paid.AmountYen, paid.CapturedYen, paid.Id, paid.PaymentNumber);
        }

        var latest = payments.OrderByDescending(p => p.CreatedAt).First();
        return new PaymentStatusInfo(PaymentState.Outstanding, latest.AmountYen, 0, latest.Id, latest.PaymentNumber);
    }
}
