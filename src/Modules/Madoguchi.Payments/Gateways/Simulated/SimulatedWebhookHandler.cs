using System.Text;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Outbox;

namespace Madoguchi.Payments.Gateways.Simulated;

/// <summary>
/// Delivers the simulated gateway's webhooks from the outbox: signs the body with the organisation's
/// secret at sending time and POSTs it to the app's own endpoint. A non-2xx answer throws, so the
/// outbox retries (the receiver is idempotent).
/// </summary>
public sealed class SimulatedWebhookHandler(IHttpClientFactory httpClients, WebhookSecrets secrets, TimeProvider clock) : IOutboxHandler
{
    public const string MessageType = "payments.simulated-webhook";
    public const string HttpClientName = "payments-webhooks";

    public sealed record Delivery(string OrganizationCode, string Url, string Body);

    public string Type => MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var delivery = Outbox.Read<Delivery>(message);
        using var request = CreateRequest(delivery, secrets, clock.GetUtcNow());
        using var client = httpClients.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The signed request (also used by tests to deliver twice or out of order).</summary>
    public static HttpRequestMessage CreateRequest(Delivery delivery, WebhookSecrets secrets, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(secrets);
        var secret = secrets.For(delivery.OrganizationCode)
            ?? throw new InvalidOperationException($"No webhook secret configured for organisation {delivery.OrganizationCode} (Payments:Webhooks:Secrets:{delivery.OrganizationCode}).");
        var body = Encoding.UTF8.GetBytes(delivery.Body);
        var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), body));
        return request;
    }
}
