using System.Text.Json;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Payments.Webhooks;

public enum WebhookOutcome
{
    Applied,
    Duplicate,
    Ignored,
    BadSignature,
    BadRequest,
    UnknownPayment,
}

/// <summary>
/// Handles a gateway webhook: verifies the signature over the raw body (401 and nothing changes when
/// wrong; logged without the body), drops an event id seen before, and applies the status through
/// <see cref="PaymentService.ApplyAsync"/>, which makes late or reordered events harmless.
/// </summary>
public sealed partial class WebhookReceiver(MadoguchiDb db, TenantContext tenant, WebhookSecrets secrets, PaymentService payments, TimeProvider clock,
    ILogger<WebhookReceiver> logger)
{
    public async Task<WebhookOutcome> ReceiveAsync(string? signature, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var secret = tenant.Organization is { } organization ? secrets.For(organization.Code) : null;
        if (secret is null || !WebhookSignature.Verify(secret, signature, body, clock.GetUtcNow()))
        {
            LogBadSignature(logger, tenant.Organization?.Code ?? "-", body.Length);
            return WebhookOutcome.BadSignature;
        }

        WebhookEvent? webhook;
        try
        {
            webhook = JsonSerializer.Deserialize<WebhookEvent>(body, WebhookEvent.Json);
        }
        catch (JsonException)
        {
            webhook = null;
        }

        if (webhook is null || string.IsNullOrEmpty(webhook.Id) || webhook.Id.Length > 100 || !PaymentLifecycle.TryParse(webhook.Status, out var status))
        {
            return WebhookOutcome.BadRequest;
        }

        if (await db.Set<WebhookReceipt>().AnyAsync(r => r.Gateway == SimulatedGateway.GatewayName && r.EventId == webhook.Id, cancellationToken))
        {
            return WebhookOutcome.Duplicate;
        }

        var outcome = await payments.ApplyAsync(webhook.PaymentId, new GatewayEvent(status, webhook.Amount, webhook.FailureCode, "webhook"), cancellationToken);
        if (outcome == TransitionOutcome.NotFound)
        {
            return WebhookOutcome.UnknownPayment;
        }

        db.Set<WebhookReceipt>().Add(new WebhookReceipt
        {
            Gateway = SimulatedGateway.GatewayName,
            EventId = webhook.Id,
            PaymentId = webhook.PaymentId,
            Outcome = outcome.ToString().ToLowerInvariant(),
            ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same event delivered concurrently: the other delivery recorded it.
            return WebhookOutcome.Duplicate;
        }

        LogApplied(logger, webhook.PaymentId, webhook.Status, outcome);
        return outcome == TransitionOutcome.Applied ? WebhookOutcome.Applied : WebhookOutcome.Ignored;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment webhook refused: bad or expired signature (organisation {Organization}, {Length} bytes).")]
    private static partial void LogBadSignature(ILogger logger, string organization, int length);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment webhook for {PaymentId}: {Status} → {Outcome}.")]
    private static partial void LogApplied(ILogger logger, Guid paymentId, string status, TransitionOutcome outcome);
}
