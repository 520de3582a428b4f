using Madoguchi.Payments.Payments;

namespace Madoguchi.Payments.Gateways;

/// <summary>What the gateway says about a payment when asked (status poll, 状態照会).</summary>
public sealed record GatewayStatus(PaymentStatus Status, long CapturedYen, string? FailureCode);

/// <summary>One line of a gateway's daily settlement report (入金明細).</summary>
public sealed record SettlementLine(Guid PaymentId, long CapturedYen, long RefundedYen);

/// <summary>A payment service provider (決済代行) behind one interface: the simulated one, or a card/QR service.</summary>
public interface IPaymentGateway
{
    /// <summary><c>simulated</c>, <c>card</c>.</summary>
    string Name { get; }

    /// <summary>Where to send the citizen to pay (relative to the site, or absolute for an external service).</summary>
    string NextUrl(Payment payment);

    /// <summary>Asks the gateway for the payment's state; null when it has never seen it.</summary>
    Task<GatewayStatus?> GetStatusAsync(Payment payment, CancellationToken cancellationToken);

    Task RefundAsync(Payment payment, long amountYen, CancellationToken cancellationToken);

    /// <summary>Settles an authorised hold (売上確定) after <see cref="PaymentService.CaptureAsync"/> recorded it; repeating it is harmless.</summary>
    Task CaptureAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>Releases an authorised hold or stops a started charge after <see cref="PaymentService.CancelAsync"/>; repeating it is harmless.</summary>
    Task CancelAsync(Payment payment, CancellationToken cancellationToken);

    /// <summary>The gateway's settlement report for one day (JST).</summary>
    Task<IReadOnlyList<SettlementLine>> SettlementAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>The configured gateways by name.</summary>
public sealed class GatewayRegistry(IEnumerable<IPaymentGateway> gateways)
{
    public IPaymentGateway For(Payment payment)
    {
        ArgumentNullException.ThrowIfNull(payment);
        return Named(payment.Gateway);
    }

    public IPaymentGateway Named(string name) =>
        gateways.FirstOrDefault(g => g.Name == name) ?? throw new InvalidOperationException($"No payment gateway named {name}.");

    public IEnumerable<IPaymentGateway> All => gateways;
}
