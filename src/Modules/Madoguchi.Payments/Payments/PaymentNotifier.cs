using System.Text.Json;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Madoguchi.Payments.Payments;

/// <summary>
/// Delivers <see cref="PaymentStatusChanged"/> as a webhook to the calling system (GOV.UK Pay's
/// webhooks): POST of the event JSON, signed like the gateway's (<c>Madoguchi-Signature</c>, the
/// organisation's secret), to <c>Payments:Notifications:Url:{organisation code}</c>. No URL: nothing
/// to send. A non-2xx answer throws, so the outbox retries; receivers dedupe on <c>eventId</c>.
/// </summary>
public sealed class PaymentNotifier(IHttpClientFactory httpClients, WebhookSecrets secrets, IConfiguration configuration, MadoguchiDb db, TimeProvider clock) : IOutboxHandler
{
    public string Type => PaymentStatusChanged.Type;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var code = await db.Organizations.AsNoTracking().Where(o => o.Id == message.OrganizationId).Select(o => o.Code).FirstOrDefaultAsync(cancellationToken);
        var url = code is null ? null : configuration[$"Payments:Notifications:Url:{code}"];
        if (string.IsNullOrEmpty(url))
        {
            return;
        }

        var body = JsonSerializer.Serialize(Outbox.Read<PaymentStatusChanged>(message), WebhookEvent.Json);
        using var request = SimulatedWebhookHandler.CreateRequest(new SimulatedWebhookHandler.Delivery(code!, url, body), secrets, clock.GetUtcNow());
        using var client = httpClients.CreateClient(SimulatedWebhookHandler.HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
