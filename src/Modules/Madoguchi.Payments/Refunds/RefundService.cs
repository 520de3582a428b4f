using Madoguchi.Payments.Gateways;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;

namespace Madoguchi.Payments.Refunds;

public enum RefundOutcome
{
    Created,
    NotFound,

    /// <summary>Not captured (yet), or already fully refunded: 409.</summary>
    NotRefundable,

    /// <summary>The caller's <c>refundAmountAvailable</c> is not what is left: 412 (someone refunded meanwhile).</summary>
    AvailableMismatch,

    /// <summary>Zero, negative or more than is left: 422.</summary>
    InvalidAmount,
}

public sealed record RefundResult(RefundOutcome Outcome, Refund? Refund, long RefundAmountAvailable);

/// <summary>
/// Refunds with GOV.UK Pay's guard: the caller states what it believes is still refundable; the
/// change is saved only against the payment version it was checked on, so two staff refunding at
/// once can never take more than was captured (the loser re-reads and gets 412). A check
/// constraint (refunded ≤ captured) backs it in the database.
/// </summary>
public sealed class RefundService(MadoguchiDb db, PaymentService payments, GatewayRegistry gateways, ICurrentActor actor, TimeProvider clock)
{
    public async Task<RefundResult> RefundAsync(Guid paymentId, long amount, long refundAmountAvailable, CancellationToken cancellationToken)
    {
        Refund? refund = null;
        var outcome = RefundOutcome.NotFound;
        long available = 0;
        var applied = await payments.WithRetryAsync(paymentId, payment =>
        {
            refund = null;
            available = payment.RefundAmountAvailable;
            if (payment.Status is not (PaymentStatus.Captured or PaymentStatus.PartiallyRefunded) || available == 0)
            {
                outcome = RefundOutcome.NotRefundable;
                return TransitionOutcome.NotAllowed;
            }

            if (refundAmountAvailable != available)
            {
                outcome = RefundOutcome.AvailableMismatch;
                return TransitionOutcome.NotAllowed;
            }

            if (amount <= 0 || amount > available)
            {
                outcome = RefundOutcome.InvalidAmount;
                return TransitionOutcome.NotAllowed;
            }

            payments.RecordRefund(payment, amount);
            available = payment.RefundAmountAvailable;
            refund = new Refund
            {
                Id = Guid.NewGuid(),
                OrganizationId = payment.OrganizationId,
                PaymentId = payment.Id,
                AmountYen = amount,
                RemainingYen = available,
                CreatedBy = actor.Actor,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<Refund>().Add(refund);
            outcome = RefundOutcome.Created;
            return TransitionOutcome.Applied;
        }, cancellationToken);

        if (applied == TransitionOutcome.NotFound)
        {
            return new RefundResult(RefundOutcome.NotFound, null, 0);
        }

        if (outcome == RefundOutcome.Created)
        {
            var payment = (await payments.FindAsync(paymentId, cancellationToken))!;
            await gateways.For(payment).RefundAsync(payment, amount, cancellationToken);
        }

        return new RefundResult(outcome, refund, available);
    }
}
