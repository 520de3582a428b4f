using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Webhooks;
using Madoguchi.Platform.Outbox;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Madoguchi.Tests.Payments;

/// <summary>One app for a payments test class (outbox worker off: tests deliver webhooks themselves). Each test uses its own references.</summary>
public sealed class PaymentsApp : IAsyncLifetime
{
    public MadoguchiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

internal static class PaymentsTestKit
{
    public const string Organization = "MSN";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string NewReference(string prefix) => $"{prefix}-2026-{Guid.NewGuid():N}"[..30];

    public static HttpRequestMessage Post(string path, object body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    public static async Task<(Guid Id, string NextUrl)> CreateAsync(HttpClient api, long amount, string reference, string? returnUrl = null)
    {
        using var request = Post("/api/v1/payments", new { amount, reference, description = "住民票の写し 1通", returnUrl = returnUrl ?? "http://localhost/apply/done" }, Guid.NewGuid().ToString());
        using var response = await api.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await ReadAsync(response);
        return (json.GetProperty("paymentId").GetGuid(), json.GetProperty("nextUrl").GetString()!);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetPaymentAsync(HttpClient api, Guid id)
    {
        using var response = await api.GetAsync(new Uri($"/api/v1/payments/{id}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadAsync(response);
    }

    /// <summary>Opens the simulated gateway page as a browser without JavaScript would and presses one of its buttons.</summary>
    public static async Task<HttpResponseMessage> OnGatewayAsync(HttpClient browser, string nextUrl, string handler, IDictionary<string, string>? values = null)
    {
        var path = new Uri(nextUrl).PathAndQuery;
        using var page = await browser.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Html.ParseAsync(page);
        return await Html.SubmitAsync(browser, document, $"form[action*='handler={handler}']", values ?? new Dictionary<string, string>());
    }

    /// <summary>The simulated gateway's webhooks waiting in the outbox for this payment, oldest first.</summary>
    public static Task<List<SimulatedWebhookHandler.Delivery>> PendingWebhooksAsync(MadoguchiApp app, Guid paymentId) =>
        app.InOrganizationAsync(Organization, async (db, _) =>
        {
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == SimulatedWebhookHandler.MessageType)
                .OrderBy(m => m.CreatedAt).ToListAsync(Ct);
            return messages.Select(Madoguchi.Platform.Outbox.Outbox.Read<SimulatedWebhookHandler.Delivery>)
                .Where(d => d.Body.Contains(paymentId.ToString(), StringComparison.Ordinal)).ToList();
        });

    /// <summary>Delivers one webhook exactly as the outbox handler would (signed now).</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(MadoguchiApp app, HttpClient client, SimulatedWebhookHandler.Delivery delivery, DateTimeOffset? at = null)
    {
        var secrets = app.Services.GetRequiredService<WebhookSecrets>();
        using var request = SimulatedWebhookHandler.CreateRequest(delivery, secrets, at ?? DateTimeOffset.UtcNow);
        return await client.SendAsync(request, Ct);
    }

    public static Task<List<PaymentTransition>> TransitionsAsync(MadoguchiApp app, Guid paymentId) =>
        app.InOrganizationAsync(Organization, (db, _) => db.Set<PaymentTransition>().AsNoTracking().Where(t => t.PaymentId == paymentId).OrderBy(t => t.Id).ToListAsync(Ct));
}
