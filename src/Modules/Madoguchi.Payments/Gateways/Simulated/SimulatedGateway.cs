using System.Text.Json;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Payments.Gateways.Simulated;

/// <summary>
/// A built-in payment provider for development and tests (模擬決済): its own card page
/// (<c>/pay/simulated/{id}</c>) where one can pay, decline or abandon, its own state, a status poll,
/// a settlement report, and signed webhooks sent through the outbox (at least once, in any order).
/// </summary>
public sealed class SimulatedGateway(MadoguchiDb db, Outbox outbox, TenantContext tenant, TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = "simulated";
    public const string WebhookPath = "/api/v1/payments/webhooks/simulated";

    public string Name => GatewayName;

    public string NextUrl(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return $"/pay/simulated/{payment.Id}";
    }

    public async Task<GatewayStatus?> GetStatusAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charge = await db.Set<SimulatedCharge>().AsNoTracking().FirstOrDefaultAsync(c => c.PaymentId == payment.Id, cancellationToken);
        return charge is null ? null : new GatewayStatus(charge.Status, charge.CapturedYen, charge.FailureCode);
    }

    public async Task RefundAsync(Payment payment, long amountYen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charge = await db.Set<SimulatedCharge>().FirstOrDefaultAsync(c => c.PaymentId == payment.Id, cancellationToken);
        if (charge is not null)
        {
            charge.RefundedYen += amountYen;
            charge.RefundedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task CaptureAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charge = await db.Set<SimulatedCharge>().FirstOrDefaultAsync(c => c.PaymentId == payment.Id, cancellationToken);
        if (charge is not null && charge.Status is PaymentStatus.Authorised or PaymentStatus.Started or PaymentStatus.Created)
        {
            charge.Status = PaymentStatus.Captured;
            charge.CapturedYen = charge.AmountYen;
            charge.CapturedAt = clock.GetUtcNow().UtcDateTime;
            charge.UpdatedAt = charge.CapturedAt.Value;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task CancelAsync(Payment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charge = await db.Set<SimulatedCharge>().FirstOrDefaultAsync(c => c.PaymentId == payment.Id, cancellationToken);
        if (charge is not null && charge.Status is PaymentStatus.Authorised or PaymentStatus.Started or PaymentStatus.Created)
        {
            charge.Status = PaymentStatus.Cancelled;
            charge.FailureCode = FailureCodes.Abandoned;
            charge.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<SettlementLine>> SettlementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = JstDay.Bounds(day);
        var charges = await db.Set<SimulatedCharge>().AsNoTracking()
            .Where(c => (c.CapturedAt >= from && c.CapturedAt < to) || (c.RefundedAt >= from && c.RefundedAt < to))
            .ToListAsync(cancellationToken);
        return [.. charges.Select(c => new SettlementLine(
            c.PaymentId,
            c.CapturedAt >= from && c.CapturedAt < to ? c.CapturedYen : 0,
            c.RefundedAt >= from && c.RefundedAt < to ? c.RefundedYen : 0))];
    }

    /// <summary>The citizen opened the card page: the charge exists and is started.</summary>
    public Task StartAsync(Payment payment, string webhookUrl, CancellationToken cancellationToken) =>
        ChangeAsync(payment, webhookUrl, charge => charge.Status == PaymentStatus.Created ? [PaymentStatus.Started] : [], cancellationToken);

    /// <summary>The citizen pays: authorised then captured (two webhooks). Paying twice never charges twice.</summary>
    public Task PayAsync(Payment payment, string webhookUrl, CancellationToken cancellationToken) =>
        ChangeAsync(payment, webhookUrl, charge =>
        {
            if (charge.Status is not (PaymentStatus.Created or PaymentStatus.Started))
            {
                return [];
            }

            charge.Attempts++;
            charge.CapturedYen = charge.AmountYen;
            charge.CapturedAt = clock.GetUtcNow().UtcDateTime;
            return [PaymentStatus.Authorised, PaymentStatus.Captured];
        }, cancellationToken);

    /// <summary>The test card is declined with <paramref name="failureCode"/>.</summary>
    public Task DeclineAsync(Payment payment, string failureCode, string webhookUrl, CancellationToken cancellationToken) =>
        ChangeAsync(payment, webhookUrl, charge =>
        {
            if (charge.Status is not (PaymentStatus.Created or PaymentStatus.Started))
            {
                return [];
            }

            charge.Attempts++;
            charge.FailureCode = failureCode;
            return [PaymentStatus.Failed];
        }, cancellationToken);

    /// <summary>The citizen gives up on the card page.</summary>
    public Task AbandonAsync(Payment payment, string webhookUrl, CancellationToken cancellationToken) =>
        ChangeAsync(payment, webhookUrl, charge =>
        {
            if (charge.Status is not (PaymentStatus.Created or PaymentStatus.Started))
            {
                return [];
            }

            charge.FailureCode = FailureCodes.Abandoned;
            return [PaymentStatus.Cancelled];
        }, cancellationToken);

    private async Task ChangeAsync(Payment payment, string webhookUrl, Func<SimulatedCharge, PaymentStatus[]> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var now = clock.GetUtcNow().UtcDateTime;
        var charge = await db.Set<SimulatedCharge>().FirstOrDefaultAsync(c => c.PaymentId == payment.Id, cancellationToken);
        if (charge is null)
        {
            charge = new SimulatedCharge { PaymentId = payment.Id, AmountYen = payment.AmountYen, Status = PaymentStatus.Created, UpdatedAt = now };
            db.Set<SimulatedCharge>().Add(charge);
        }

        foreach (var status in change(charge))
        {
            charge.Status = status;
            charge.UpdatedAt = now;
            var body = JsonSerializer.Serialize(new WebhookEvent(Guid.NewGuid().ToString("N"), payment.Id, PaymentLifecycle.Text(status),
                status == PaymentStatus.Captured ? charge.CapturedYen : 0, status is PaymentStatus.Failed or PaymentStatus.Cancelled ? charge.FailureCode : null, now),
                WebhookEvent.Json);
            outbox.Enqueue(SimulatedWebhookHandler.MessageType, new SimulatedWebhookHandler.Delivery(tenant.Organization!.Code, webhookUrl, body));
        }

        // The charge and its webhooks commit together: a webhook is never lost nor sent for nothing.
        await db.SaveChangesAsync(cancellationToken);
    }
}
