using System.Net;
using System.Text;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Payments.PaymentsTestKit;

namespace Madoguchi.Tests.Payments;

/// <summary>
/// The simulated gateway's webhooks as the outbox delivers them: at least once, maybe twice, maybe out
/// of order; and forged or stale ones refused. Also the citizen's status page, which polls the gateway.
/// </summary>
public sealed class PaymentWebhookTests(PaymentsApp fixture) : IClassFixture<PaymentsApp>
{
    private MadoguchiApp App => fixture.App;

    [Fact]
    public async Task Paying_QueuesSignedWebhooks_DeliveredTwiceAndInReverseOrder_EndCapturedOnce()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 300, NewReference("WH"));
        using var paid = await OnGatewayAsync(browser, next, "Pay");
        Assert.Equal($"/pay/{id}", paid.Headers.Location!.OriginalString);

        var webhooks = await PendingWebhooksAsync(App, id);
        Assert.Equal(3, webhooks.Count); // started (page opened), authorised, captured
        Assert.Equal("created", (await GetPaymentAsync(api, id)).GetProperty("status").GetString()); // nothing delivered yet

        using var client = App.CreateClient();
        foreach (var delivery in Enumerable.Reverse(webhooks).Concat(webhooks))
        {
            using var response = await DeliverAsync(App, client, delivery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var payment = await GetPaymentAsync(api, id);
        Assert.Equal("captured", payment.GetProperty("status").GetString());
        Assert.Equal(300, payment.GetProperty("capturedAmount").GetInt64());
        var transitions = await TransitionsAsync(App, id);
        Assert.Single(transitions, t => t.To == PaymentStatus.Captured);
        Assert.Equal(PaymentStatus.Captured, transitions[^1].To); // the late "started" and "authorised" changed nothing
    }

    [Fact]
    public async Task DuplicateDelivery_IsANoOp()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 500, NewReference("DUP"));
        using var _ = await OnGatewayAsync(browser, next, "Decline", new Dictionary<string, string> { ["failureCode"] = "expired_card" });
        var failed = (await PendingWebhooksAsync(App, id)).Single(d => d.Body.Contains("\"failed\"", StringComparison.Ordinal));
        using var client = App.CreateClient();
        using var first = await DeliverAsync(App, client, failed);
        Assert.Contains("applied", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var second = await DeliverAsync(App, client, failed);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var transitions = await TransitionsAsync(App, id);
        Assert.Equal([PaymentStatus.Created, PaymentStatus.Failed], transitions.Select(t => t.To));
        Assert.Equal("expired_card", (await GetPaymentAsync(api, id)).GetProperty("failureCode").GetString());
    }

    [Fact]
    public async Task BadOrStaleSignature_Is401_AndChangesNothing()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 700, NewReference("SIG"));
        using var _ = await OnGatewayAsync(browser, next, "Pay");
        var captured = (await PendingWebhooksAsync(App, id)).Single(d => d.Body.Contains("\"captured\"", StringComparison.Ordinal));
        using var client = App.CreateClient();

        // Signed, then the body altered (amount 700 → 1): the signature no longer matches.
        using var tampered = SimulatedWebhookHandler.CreateRequest(captured, App.Services.GetRequiredService<Madoguchi.Payments.Webhooks.WebhookSecrets>(), DateTimeOffset.UtcNow);
        tampered.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(captured.Body.Replace("\"amount\":700", "\"amount\":1", StringComparison.Ordinal)));
        using var forged = await client.SendAsync(tampered, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);

        using var stale = await DeliverAsync(App, client, captured, DateTimeOffset.UtcNow.AddMinutes(-6));
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, SimulatedGateway.WebhookPath) { Content = new StringContent(captured.Body, Encoding.UTF8, "application/json") };
        using var noSignature = await client.SendAsync(unsigned, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);

        Assert.Equal("created", (await GetPaymentAsync(api, id)).GetProperty("status").GetString());
        Assert.Single(await TransitionsAsync(App, id));

        // The genuine delivery still works afterwards.
        using var genuine = await DeliverAsync(App, client, captured);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal("captured", (await GetPaymentAsync(api, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StatusPage_PollsTheGateway_ShowsPaid_AndPayingAgainNeverChargesTwice()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 350, NewReference("POLL"));
        using var pending = await browser.GetAsync(new Uri($"/pay/{id}", UriKind.Relative), Ct);
        Assert.Equal("pending", (await Html.ParseAsync(pending)).QuerySelector("#payment-status")!.GetAttribute("data-status"));

        using var cardPage = await browser.GetAsync(new Uri(new Uri(next).PathAndQuery, UriKind.Relative), Ct);
        var cardDocument = await Html.ParseAsync(cardPage);
        using var _ = await Html.SubmitAsync(browser, cardDocument, "form[action*='handler=Pay']", new Dictionary<string, string>());
        using var page = await browser.GetAsync(new Uri($"/pay/{id}", UriKind.Relative), Ct);
        var document = await Html.ParseAsync(page);
        Assert.Equal("paid", document.QuerySelector("#payment-status")!.GetAttribute("data-status"));
        Assert.Contains("350", document.QuerySelector("#amount")!.TextContent, StringComparison.Ordinal);

        // Back on the card page, the pay button is gone; a replayed POST does not capture again.
        using var card = await browser.GetAsync(new Uri(new Uri(next).PathAndQuery, UriKind.Relative), Ct);
        Assert.Null((await Html.ParseAsync(card)).QuerySelector("#pay"));
        using var replay = await Html.SubmitAsync(browser, cardDocument, "form[action*='handler=Pay']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Single(await TransitionsAsync(App, id), t => t.To == PaymentStatus.Captured);
        Assert.Single(await PendingWebhooksAsync(App, id), d => d.Body.Contains("\"captured\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Declined_ThenRetried_EndsWithOneCaptureForTheReference()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var reference = NewReference("RETRY");
        var (id, next) = await CreateAsync(api, 900, reference);
        using var declined = await OnGatewayAsync(browser, next, "Decline", new Dictionary<string, string> { ["failureCode"] = "card_declined" });
        using var failedPage = await browser.GetAsync(declined.Headers.Location, Ct);
        var failed = await Html.ParseAsync(failedPage);
        Assert.Equal("failed", failed.QuerySelector("#payment-status")!.GetAttribute("data-status"));
        Assert.NotNull(failed.QuerySelector("#failure"));

        using var retry = await Html.SubmitAsync(browser, failed, "form[action*='handler=Retry']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var retryUrl = retry.Headers.Location!.OriginalString;
        Assert.StartsWith("/pay/simulated/", retryUrl, StringComparison.Ordinal);
        // Pressing retry twice continues the same new payment.
        using var retryAgain = await Html.SubmitAsync(browser, failed, "form[action*='handler=Retry']", new Dictionary<string, string>());
        Assert.Equal(retryUrl, retryAgain.Headers.Location!.OriginalString);

        using var paid = await OnGatewayAsync(browser, "http://localhost" + retryUrl, "Pay");
        using var done = await browser.GetAsync(paid.Headers.Location, Ct);
        Assert.Equal("paid", (await Html.ParseAsync(done)).QuerySelector("#payment-status")!.GetAttribute("data-status"));

        var statuses = await App.InOrganizationAsync(Organization, (db, _) => Task.FromResult(
            db.Set<Payment>().Where(p => p.Reference == reference).Select(p => p.Status).ToList()));
        Assert.Equal(2, statuses.Count);
        Assert.Single(statuses, s => s == PaymentStatus.Captured);
        Assert.Single(statuses, s => s == PaymentStatus.Failed);
    }
}
