using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Madoguchi.Payments.Payments;
using Microsoft.Extensions.Options;

namespace Madoguchi.Payments.Gateways.Card;

/// <summary>
/// Settings of a real card / QR-code payment service (クレジットカード・コード決済代行), section
/// <c>Payments:Card</c>. The shape only: no provider is contracted yet, so the adapter is not registered.
/// </summary>
public sealed class CardGatewayOptions
{
    public const string Section = "Payments:Card";

    /// <summary>The provider's API origin, e.g. <c>https://api.provider.example</c>.</summary>
    public Uri? BaseUrl { get; set; }

    public string MerchantId { get; set; } = "";

    /// <summary>API credential; from a secret store, never the repository.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Shared secret for the provider's webhook signatures.</summary>
    public string WebhookSecret { get; set; } = "";

    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Verifies the provider's webhook signature, a common scheme: header <c>X-Signature: {hex}</c> with
/// <c>X-Timestamp: {unix seconds}</c>, HMAC-SHA256 over <c>"{timestamp}\n{merchant id}\n{raw body}"</c>.
/// </summary>
public sealed class CardSignatureVerifier(IOptions<CardGatewayOptions> options, TimeProvider clock)
{
    public static string Compute(string secret, string merchantId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(FormattableString.Invariant($"{timestamp}\n{merchantId}\n"));
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public bool Verify(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(o.WebhookSecret) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ts)
            || Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - ts) > o.SignatureTolerance.TotalSeconds)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(o.WebhookSecret, o.MerchantId, ts, body));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature.ToLowerInvariant()), expected);
    }
}

/// <summary>Polls the provider for a payment's state (<c>GET {BaseUrl}/v1/payments/{id}</c>), mapping its words to ours.</summary>
public sealed class CardStatusClient(HttpClient http, IOptions<CardGatewayOptions> options)
{
    public sealed record ProviderPayment(string Status, long Amount, string? ErrorCode);

    public async Task<GatewayStatus?> GetAsync(Guid paymentId, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(o.BaseUrl!, $"/v1/payments/{paymentId:N}"));
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", o.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<ProviderPayment>(cancellationToken);
        return body is null ? null : Map(body);
    }

    /// <summary>Provider words → our lifecycle.</summary>
    public static GatewayStatus Map(ProviderPayment body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var status = body.Status switch
        {
            "pending" => PaymentStatus.Started,
            "authorized" => PaymentStatus.Authorised,
            "captured" or "paid" => PaymentStatus.Captured,
            "declined" or "error" => PaymentStatus.Failed,
            "canceled" => PaymentStatus.Cancelled,
            "expired" => PaymentStatus.Expired,
            _ => PaymentStatus.Started,
        };
        return new GatewayStatus(status, status == PaymentStatus.Captured ? body.Amount : 0, body.ErrorCode);
    }
}
