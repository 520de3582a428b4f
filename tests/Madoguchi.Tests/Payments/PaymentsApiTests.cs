using System.Net;
using Madoguchi.Testing;
using static Madoguchi.Tests.Payments.PaymentsTestKit;

namespace Madoguchi.Tests.Payments;

/// <summary>The payments API over HTTP: create with Idempotency-Key (replay, mismatch), returnUrl checks, scopes, refunds and their guard.</summary>
public sealed class PaymentsApiTests(PaymentsApp fixture) : IClassFixture<PaymentsApp>
{
    private MadoguchiApp App => fixture.App;

    [Fact]
    public async Task Create_SameKeyAndBody_ReplaysTheFirstAnswer_DifferentBody_Is422_NoKey_Is400()
    {
        using var api = App.CreateApiClient();
        var key = Guid.NewGuid().ToString();
        var reference = NewReference("IDEM");
        var body = new { amount = 300L, reference, description = "住民票の写し", returnUrl = "http://localhost/apply/done" };
        using var first = await api.SendAsync(Post("/api/v1/payments", body, key), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = await ReadAsync(first);
        Assert.Equal("created", created.GetProperty("status").GetString());
        var id = created.GetProperty("paymentId").GetGuid();
        Assert.Equal($"http://localhost/pay/simulated/{id}", created.GetProperty("nextUrl").GetString());

        using var again = await api.SendAsync(Post("/api/v1/payments", body, key), Ct);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(id, (await ReadAsync(again)).GetProperty("paymentId").GetGuid());

        using var changed = await api.SendAsync(Post("/api/v1/payments", body with { amount = 3000L }, key), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("Idempotency-Key", (await ReadAsync(changed)).GetProperty("title").GetString(), StringComparison.Ordinal);

        using var noKey = await api.SendAsync(Post("/api/v1/payments", body, key: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);

        // One payment exists for the reference, whatever was retried.
        var count = await App.InOrganizationAsync(Organization, (db, _) => Task.FromResult(db.Set<Madoguchi.Payments.Payments.Payment>().Count(p => p.Reference == reference)));
        Assert.Equal(1, count);
        var payment = await GetPaymentAsync(api, id);
        Assert.Equal(300, payment.GetProperty("amount").GetInt64());
        Assert.Equal(16, payment.GetProperty("paymentNumber").GetString()!.Length);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/x")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://user@evil.example@localhost/x")]
    [InlineData("http://localhost.evil.example/x")]
    public async Task Create_RefusesReturnUrlsOffTheOrganisationsHosts(string returnUrl)
    {
        using var api = App.CreateApiClient();
        using var response = await api.SendAsync(Post("/api/v1/payments", new { amount = 300, reference = NewReference("RET"), description = "x", returnUrl }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadAsync(response);
        Assert.Contains("returnUrl", problem.GetProperty("errors").GetProperty("returnUrl")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AcceptsTheOrganisationsOwnHosts_AndValidatesAmounts()
    {
        using var api = App.CreateApiClient();
        await CreateAsync(api, 300, NewReference("RET"), "https://musashino.localhost/apply/done?x=1");
        using var zero = await api.SendAsync(Post("/api/v1/payments", new { amount = 0, reference = NewReference("AMT"), description = "x", returnUrl = "http://localhost/" }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.True((await ReadAsync(zero)).GetProperty("errors").TryGetProperty("amount", out _));
        using var fraction = await api.SendAsync(Post("/api/v1/payments", new { amount = 300.5, reference = NewReference("AMT"), description = "x", returnUrl = "http://localhost/" }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode);
    }

    [Fact]
    public async Task Api_NeedsAKeyWithThePaymentsScope()
    {
        using var anonymous = App.CreateClient();
        using var response = await anonymous.SendAsync(Post("/api/v1/payments", new { amount = 300, reference = "X-1", description = "x", returnUrl = "http://localhost/" }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var get = await anonymous.GetAsync(new Uri($"/api/v1/payments/{Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        using var api = App.CreateApiClient();
        using var missing = await api.GetAsync(new Uri($"/api/v1/payments/{Guid.NewGuid()}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Refunds_PartialThenFull_WithTheRefundAmountAvailableGuard()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 1200, NewReference("REF"));

        using var early = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 100, refundAmountAvailable = 0 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);

        using var paid = await OnGatewayAsync(browser, next, "Pay");
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        (await browser.GetAsync(paid.Headers.Location, Ct)).Dispose(); // the status page polls the gateway
        var payment = await GetPaymentAsync(api, id);
        Assert.Equal("captured", payment.GetProperty("status").GetString());
        Assert.Equal(1200, payment.GetProperty("refundAmountAvailable").GetInt64());

        using var stale = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 200, refundAmountAvailable = 1000 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(1200, (await ReadAsync(stale)).GetProperty("refundAmountAvailable").GetInt64());

        using var tooMuch = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 1201, refundAmountAvailable = 1200 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuch.StatusCode);

        using var part = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 200, refundAmountAvailable = 1200 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Created, part.StatusCode);
        Assert.Equal(1000, (await ReadAsync(part)).GetProperty("refundAmountAvailable").GetInt64());
        Assert.Equal("partially_refunded", (await GetPaymentAsync(api, id)).GetProperty("status").GetString());

        // The same refund request sent again (same key) is not a second refund.
        var key = Guid.NewGuid().ToString();
        using var rest = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 1000, refundAmountAvailable = 1000 }, key), Ct);
        Assert.Equal(HttpStatusCode.Created, rest.StatusCode);
        using var restAgain = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 1000, refundAmountAvailable = 1000 }, key), Ct);
        Assert.Equal(HttpStatusCode.Created, restAgain.StatusCode);
        Assert.Equal("true", restAgain.Headers.GetValues("Idempotent-Replayed").Single());

        payment = await GetPaymentAsync(api, id);
        Assert.Equal("refunded", payment.GetProperty("status").GetString());
        Assert.Equal(1200, payment.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(0, payment.GetProperty("refundAmountAvailable").GetInt64());
        using var after = await api.SendAsync(Post($"/api/v1/payments/{id}/refunds", new { amount = 1, refundAmountAvailable = 0 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
    }

    [Fact]
    public async Task EveryTransition_IsInTheHistory_AndThePaymentRowChangesAreAudited()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, 450, NewReference("AUD"));
        using var declined = await OnGatewayAsync(browser, next, "Decline", new Dictionary<string, string> { ["failureCode"] = "insufficient_funds" });
        (await browser.GetAsync(declined.Headers.Location, Ct)).Dispose();

        var payment = await GetPaymentAsync(api, id);
        Assert.Equal("failed", payment.GetProperty("status").GetString());
        Assert.Equal("insufficient_funds", payment.GetProperty("failureCode").GetString());
        var history = payment.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["created", "failed"], history);

        var audited = await App.InOrganizationAsync(Organization, (db, _) => Task.FromResult(
            db.AuditEntries.Where(a => a.EntityType == "Payment" && a.EntityId == id.ToString()).Select(a => a.Action + ":" + a.Details).ToList()));
        Assert.Contains("entity.created:", audited);
        Assert.Contains(audited, a => a.StartsWith("entity.modified:", StringComparison.Ordinal) && a.Contains("Status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Slip_ShowsAmountDueDatePayerNumber_AndAQrCodeOfOurOwnFormat()
    {
        using var api = App.CreateApiClient();
        var reference = NewReference("SLIP");
        using var response = await api.SendAsync(Post("/api/v1/payments", new { amount = 2400, reference, description = "市民会館 会議室", returnUrl = "http://localhost/", payerName = "武蔵野 花子", dueDate = "2026-12-10" }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await ReadAsync(response)).GetProperty("paymentId").GetGuid();
        var payment = await GetPaymentAsync(api, id);
        var slipUrl = payment.GetProperty("slipUrl").GetString()!;
        var number = payment.GetProperty("paymentNumber").GetString()!;

        using var browser = App.CreateBrowserLikeClient();
        using var slip = await browser.GetAsync(new Uri(new Uri(slipUrl).PathAndQuery, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, slip.StatusCode);
        var page = await Html.ParseAsync(slip);
        Assert.Contains("2,400円", page.QuerySelector("#slip-amount")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026年12月10日", page.QuerySelector("#slip-due")!.TextContent.Trim());
        Assert.Equal("武蔵野 花子", page.QuerySelector("#slip-payer")!.TextContent.Trim());
        Assert.Equal($"{number[..4]}-{number[4..8]}-{number[8..12]}-{number[12..]}", page.QuerySelector("#slip-number")!.TextContent.Trim());
        Assert.Equal($"MADOGUCHI-PAY/1|MSN|{number}|2400|{reference}", page.QuerySelector("#slip-qr-payload")!.TextContent.Trim());
        var png = Convert.FromBase64String(page.QuerySelector("#slip-qr")!.GetAttribute("src")!["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
    }

    [Fact]
    public async Task StatusPage_LinksBackToTheValidatedReturnUrl()
    {
        using var api = App.CreateApiClient();
        var (id, _) = await CreateAsync(api, 300, NewReference("LINK"), "https://musashino.localhost/apply/done");
        using var browser = App.CreateBrowserLikeClient();
        using var status = await browser.GetAsync(new Uri($"/pay/{id}", UriKind.Relative), Ct);
        Assert.Equal("https://musashino.localhost/apply/done", (await Html.ParseAsync(status)).QuerySelector("#return")!.GetAttribute("href"));
    }
}
