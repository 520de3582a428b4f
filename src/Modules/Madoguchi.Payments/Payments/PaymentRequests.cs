using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Gateways;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Payments;

/// <summary>
/// <see cref="IPaymentRequests"/> on <see cref="PaymentService"/>: one open or paid payment per
/// reference, the gateway asked before anything is cancelled. Runs in the caller's transaction (same
/// <see cref="MadoguchiDb"/>), so a booking's lapse and its payment's cancellation commit together.
/// </summary>
internal sealed class PaymentRequests(PaymentService payments, GatewayRegistry gateways, MadoguchiDb db) : IPaymentRequests
{
    public async Task<string> StartAsync(PaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var existing = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == request.Reference).ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(p => PaymentLifecycle.IsPaid(p.Status)) is { } paid)
        {
            return $"/pay/{paid.Id}";
        }

        foreach (var id in existing.Where(IsOpen).OrderByDescending(p => p.CreatedAt).Select(p => p.Id))
        {
            var open = (await payments.FindAsync(id, cancellationToken))!;
            await payments.ExpireIfDueAsync(open, cancellationToken);
            if (IsOpen(open))
            {
                return open.Status == PaymentStatus.Authorised ? $"/pay/{open.Id}" : gateways.For(open).NextUrl(open);
            }
        }

        var description = request.Description.Length > Payment.MaxDescriptionLength ? request.Description[..Payment.MaxDescriptionLength] : request.Description;
        var created = await payments.CreateAsync(new NewPayment(request.AmountYen, request.Reference, description, request.ReturnUrl, request.DepartmentId), cancellationToken);
        return gateways.For(created).NextUrl(created);
    }

    public async Task<PaymentState> SettleOrCancelAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var ids = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == reference).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            var payment = await payments.FindAsync(id, cancellationToken);
            if (payment is null || !IsOpen(payment))
            {
                continue;
            }

            var gateway = gateways.For(payment);
            if (await gateway.GetStatusAsync(payment, cancellationToken) is { } status)
            {
                // The payer may have paid at the gateway while its webhook is still on its way.
                await payments.ApplyAsync(id, new GatewayEvent(status.Status, status.CapturedYen, status.FailureCode, "poll"), cancellationToken);
            }

            if (await payments.CaptureAsync(id, "settle", cancellationToken) == TransitionOutcome.Applied)
            {
                await gateway.CaptureAsync((await payments.FindAsync(id, cancellationToken))!, cancellationToken);
            }
            else if (await payments.CancelAsync(id, "caller", cancellationToken) == TransitionOutcome.Applied)
            {
                await gateway.CancelAsync((await payments.FindAsync(id, cancellationToken))!, cancellationToken);
            }
        }

        var states = await db.Set<Payment>().AsNoTracking().Where(p => p.Reference == reference).Select(p => p.Status).ToListAsync(cancellationToken);
        return states.Count == 0 ? PaymentState.None : states.Any(PaymentLifecycle.IsPaid) ? PaymentState.Paid : PaymentState.Outstanding;
    }

    public async Task<IReadOnlySet<string>> PaidAmongAsync(IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count == 0)
        {
            return new HashSet<string>();
        }

        var list = references.ToList();
        var paid = await db.Set<Payment>().AsNoTracking()
            .Where(p => list.Contains(p.Reference) && (p.Status == PaymentStatus.Captured || p.Status == PaymentStatus.PartiallyRefunded || p.Status == PaymentStatus.Refunded))
            .Select(p => p.Reference).Distinct().ToListAsync(cancellationToken);
        return paid.ToHashSet(StringComparer.Ordinal);
    }

    private static bool IsOpen(Payment payment) => payment.Status is PaymentStatus.Created or PaymentStatus.Started or PaymentStatus.Authorised;
}
