using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Refunds;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Data;

namespace Madoguchi.IntegrationTests.Payments;

/// <summary>One row of every payments entity in the current organisation, for the tenancy tests.</summary>
internal static class PaymentsTenancySeed
{
    public static async Task SeedAsync(MadoguchiDb db, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var payment = new Payment
        {
            Id = Guid.NewGuid(),
            Reference = "T-1",
            PaymentNumber = string.Concat(Enumerable.Range(0, 16).Select(_ => (char)('0' + Random.Shared.Next(10)))),
            Description = "テスト",
            AmountYen = 300,
            CapturedYen = 300,
            RefundedYen = 100,
            Status = PaymentStatus.PartiallyRefunded,
            ReturnUrl = "http://localhost/",
            Gateway = SimulatedGateway.GatewayName,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now,
            Version = 1,
        };
        db.Add(payment);
        db.Add(new PaymentTransition { PaymentId = payment.Id, From = PaymentStatus.Created, To = PaymentStatus.Created, Source = "api", OccurredAt = now });
        db.Add(new Refund { Id = Guid.NewGuid(), PaymentId = payment.Id, AmountYen = 100, RemainingYen = 200, CreatedAt = now });
        db.Add(new WebhookReceipt { Gateway = SimulatedGateway.GatewayName, EventId = Guid.NewGuid().ToString("N"), PaymentId = payment.Id, Outcome = "applied", ReceivedAt = now });
        db.Add(new SimulatedCharge { PaymentId = payment.Id, Status = PaymentStatus.Captured, AmountYen = 300, CapturedYen = 300, UpdatedAt = now });
        db.Add(new CounterReceipt
        {
            Id = Guid.NewGuid(),
            PaymentId = payment.Id,
            ReceiptNumber = "R20260101-000001",
            Method = CounterMethods.Cash,
            AmountYen = 300,
            ReceivedBy = "user:test",
            ReceivedByName = "テスト",
            ReceivedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }
}
