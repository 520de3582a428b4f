using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Madoguchi.Payments.Contracts;
using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Expiry;
using Madoguchi.Payments.Fees;
using Madoguchi.Payments.Payments;
using Madoguchi.Testing;
using Madoguchi.Tests.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Payments.PaymentsTestKit;

namespace Madoguchi.Tests.Payments;

/// <summary>One app for the wiring tests: outbox and the expiry job off (tests run the job with their own clock), a 45-minute online lifetime.</summary>
public sealed class PaymentsWiringApp : IAsyncLifetime
{
    public MadoguchiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Bookings:MaintenanceEnabled"] = "false",
            ["Payments:ExpiryEnabled"] = "false",
            ["Payments:ExpireAfter"] = "00:45:00",
        });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Capture and cancel over the API (409 with the current status), the expiry job, fees from a
/// submission's answers paid online with reference submission:{受付番号}, and counter payments (窓口収納).
/// </summary>
public sealed class PaymentsWiringTests(PaymentsWiringApp fixture) : IClassFixture<PaymentsWiringApp>
{
    private MadoguchiApp App => fixture.App;

    /// <summary>An authorised payment: the gateway's <c>authorised</c> webhook arrived, its <c>captured</c> one not (a delayed capture).</summary>
    private async Task<Guid> AuthorisedAsync(HttpClient api, long amount)
    {
        using var browser = App.CreateBrowserLikeClient();
        var (id, next) = await CreateAsync(api, amount, NewReference("CAP"));
        using var paid = await OnGatewayAsync(browser, next, "Pay");
        var webhooks = await PendingWebhooksAsync(App, id);
        var authorised = webhooks.Single(w => w.Body.Contains("\"authorised\"", StringComparison.Ordinal));
        using var delivered = await DeliverAsync(App, App.CreateClient(), authorised);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("authorised", (await GetPaymentAsync(api, id)).GetProperty("status").GetString());
        return id;
    }

    [Fact]
    public async Task Capture_AnAuthorisedPayment_CapturesIt_OnceOnly_AndOthersAre409WithTheirStatus()
    {
        using var api = App.CreateApiClient();
        var id = await AuthorisedAsync(api, 900);

        var key = Guid.NewGuid().ToString();
        using var captured = await api.SendAsync(Post($"/api/v1/payments/{id}/capture", new { }, key), Ct);
        Assert.Equal(HttpStatusCode.OK, captured.StatusCode);
        var body = await ReadAsync(captured);
        Assert.Equal("captured", body.GetProperty("status").GetString());
        Assert.Equal(900, body.GetProperty("capturedAmount").GetInt64());

        using var replay = await api.SendAsync(Post($"/api/v1/payments/{id}/capture", new { }, key), Ct);
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());

        using var again = await api.SendAsync(Post($"/api/v1/payments/{id}/capture", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("captured", (await ReadAsync(again)).GetProperty("status").GetString());

        using var cancel = await api.SendAsync(Post($"/api/v1/payments/{id}/cancel", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal("captured", (await ReadAsync(cancel)).GetProperty("status").GetString());

        // The late "captured" webhook changes nothing: one capture step in the history.
        var late = (await PendingWebhooksAsync(App, id)).Single(w => w.Body.Contains("\"captured\"", StringComparison.Ordinal));
        (await DeliverAsync(App, App.CreateClient(), late)).Dispose();
        var history = await TransitionsAsync(App, id);
        Assert.Single(history, t => t.To == PaymentStatus.Captured);

        var (fresh, _) = await CreateAsync(api, 300, NewReference("CAP"));
        using var notAuthorised = await api.SendAsync(Post($"/api/v1/payments/{fresh}/capture", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, notAuthorised.StatusCode);
        Assert.Equal("created", (await ReadAsync(notAuthorised)).GetProperty("status").GetString());
        using var noKey = await api.SendAsync(Post($"/api/v1/payments/{fresh}/capture", new { }, key: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        using var missing = await api.SendAsync(Post($"/api/v1/payments/{Guid.NewGuid()}/capture", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Cancel_BeforePaying_Cancels_ThenCaptureIs409Cancelled_AndTheCitizenCannotPay()
    {
        using var api = App.CreateApiClient();
        var id = await AuthorisedAsync(api, 600);
        using var cancelled = await api.SendAsync(Post($"/api/v1/payments/{id}/cancel", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await ReadAsync(cancelled)).GetProperty("status").GetString());

        using var twice = await api.SendAsync(Post($"/api/v1/payments/{id}/cancel", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        using var capture = await api.SendAsync(Post($"/api/v1/payments/{id}/capture", new { }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Conflict, capture.StatusCode);
        Assert.Equal("cancelled", (await ReadAsync(capture)).GetProperty("status").GetString());

        var events = await EventsAsync(id);
        Assert.Contains(events, e => e.Status == "cancelled");
    }

    [Fact]
    public async Task ExpiryJob_ExpiresUnpaidPaymentsPastTheirLimit_OnlineAfterExpireAfter_SlipsAtTheEndOfTheirDueDate()
    {
        using var api = App.CreateApiClient();
        var (online, _) = await CreateAsync(api, 300, NewReference("EXP"));
        using var slipResponse = await api.SendAsync(Post("/api/v1/payments", new { amount = 500, reference = NewReference("EXP"), description = "納付書", returnUrl = "http://localhost/", dueDate = "2099-12-10" }, Guid.NewGuid().ToString()), Ct);
        var slip = (await ReadAsync(slipResponse)).GetProperty("paymentId").GetGuid();
        var authorised = await AuthorisedAsync(api, 700);

        var stored = await GetPaymentAsync(api, online);
        Assert.Equal(TimeSpan.FromMinutes(45), stored.GetProperty("expiresAt").GetDateTime() - stored.GetProperty("createdAt").GetDateTime());
        // 2099-12-10 ends at 24:00 JST = 15:00 UTC.
        Assert.Equal(new DateTime(2099, 12, 10, 15, 0, 0, DateTimeKind.Utc), (await GetPaymentAsync(api, slip)).GetProperty("expiresAt").GetDateTime().ToUniversalTime());

        var worker = App.Services.GetRequiredService<PaymentExpiryWorker>();
        await worker.RunOnceAsync(Ct, new TestClock(DateTimeOffset.UtcNow.AddMinutes(30)));
        Assert.Equal("created", await StatusAsync(online));

        // Two instances running the job at the same moment expire each payment once.
        var later = new TestClock(DateTimeOffset.UtcNow.AddMinutes(50));
        await Task.WhenAll(worker.RunOnceAsync(Ct, later), worker.RunOnceAsync(Ct, later));
        Assert.Equal("expired", await StatusAsync(online));
        Assert.Equal("created", await StatusAsync(slip));
        Assert.Equal("authorised", await StatusAsync(authorised));
        var history = await TransitionsAsync(App, online);
        var step = Assert.Single(history, t => t.To == PaymentStatus.Expired);
        Assert.Equal("expiry", step.Source);
        Assert.Equal(FailureCodes.TimedOut, step.FailureCode);
        Assert.Single(await EventsAsync(online), e => e.Status == "expired");

        await worker.RunOnceAsync(Ct, new TestClock(new DateTimeOffset(2099, 12, 10, 15, 0, 1, TimeSpan.Zero)));
        Assert.Equal("expired", await StatusAsync(slip));
    }

    [Theory]
    [InlineData(3, null, 900, null)]
    [InlineData(2, "official", 0, "公用請求（手数料免除）")]
    [InlineData(1, "none", 300, null)]
    public void FeeCalculator_TakesTheFormsFee_AndExemptionsWithAReason(int copies, string? exemption, long expected, string? reason)
    {
        var answers = new Dictionary<string, string?> { ["copies"] = copies.ToString(System.Globalization.CultureInfo.InvariantCulture), [FeeCalculator.ExemptionField] = exemption };
        var quote = new FeeCalculator().Calculate(new FeeRequest("juminhyo-copy", new Dictionary<string, decimal?> { ["fee"] = copies * 300m }, answers, new HashSet<string>(), 300));
        Assert.Equal(expected, quote.AmountYen);
        Assert.Equal(copies * 300L, quote.GrossYen);
        Assert.Equal(reason, quote.ExemptionReason);

        var catalogOnly = new FeeCalculator().Calculate(new FeeRequest("seal-certificate", new Dictionary<string, decimal?>(), new Dictionary<string, string?>(), new HashSet<string>(), 300));
        Assert.Equal(300, catalogOnly.AmountYen);
        Assert.False(new FeeCalculator().Calculate(new FeeRequest("x", new Dictionary<string, decimal?>(), new Dictionary<string, string?>(), new HashSet<string>(), null)).IsDue);
    }

    [Theory]
    [InlineData(null, 600 + 410, null)]
    [InlineData("public-assistance", 410, "生活保護受給者（手数料免除）")]
    public void FeeCalculator_AddsChargesPaidWithTheFee_AndAnExemptionNeverWaivesThem(string? exemption, long expected, string? reason)
    {
        var answers = new Dictionary<string, string?> { [FeeCalculator.ExemptionField] = exemption };
        var computed = new Dictionary<string, decimal?> { ["fee"] = 600m, ["postageFee"] = 410m };
        var quote = new FeeCalculator().Calculate(new FeeRequest("certificate-by-post", computed, answers, new HashSet<string> { "fee" }, 300)
        {
            Charges = [new FeeCharge("郵送料（電子決済の場合）", "Postage (with electronic payment)", 410), new FeeCharge("なし", "None", 0)],
        });
        Assert.Equal(expected, quote.AmountYen);
        Assert.Equal(600 + 410, quote.GrossYen);
        Assert.Equal(reason, quote.ExemptionReason);
        Assert.Equal(expected - 410, quote.FeeYen);
        var charge = Assert.Single(quote.Charges); // a charge of 0 yen is not listed
        Assert.Equal(410, charge.AmountYen);
    }

    [Fact]
    public async Task AfterSubmitting_TheCitizenSeesTheComputedFee_PaysOnline_AndTheReferenceIsPaid()
    {
        var (receipt, statusPath) = await SubmitJuminhyoAsync(copies: 3);
        using var citizen = App.CreateBrowserLikeClient();
        var status = await Html.ParseAsync(await citizen.GetAsync(new Uri(statusPath, UriKind.Relative), Ct));
        var link = status.QuerySelector("#pay-fee")!.GetAttribute("href")!;
        var fee = await Html.ParseAsync(await citizen.GetAsync(new Uri(link, UriKind.Relative), Ct));
        Assert.Equal("900円", fee.QuerySelector("#fee-amount")!.TextContent.Trim());
        Assert.Equal(PaymentState.None, (await PaymentStatusAsync(receipt)).State);

        using var online = await Html.SubmitAsync(citizen, fee, "#pay-online", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, online.StatusCode);
        Assert.StartsWith("/pay/simulated/", online.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var outstanding = await PaymentStatusAsync(receipt);
        Assert.Equal(PaymentState.Outstanding, outstanding.State);
        Assert.Equal(900, outstanding.AmountYen);

        // Pressing again continues the same payment, never a second one.
        using var again = await Html.SubmitAsync(citizen, fee, "#pay-online", new Dictionary<string, string>());
        Assert.Equal(online.Headers.Location, again.Headers.Location);

        using var paid = await OnGatewayAsync(citizen, "http://localhost" + online.Headers.Location, "Pay");
        (await citizen.GetAsync(paid.Headers.Location, Ct)).Dispose();
        var done = await PaymentStatusAsync(receipt);
        Assert.Equal(PaymentState.Paid, done.State);
        Assert.Equal(900, done.PaidYen);
        var count = await App.InOrganizationAsync(Organization, (db, _) => db.Set<Payment>().CountAsync(p => p.Reference == PaymentReferences.Submission(receipt), Ct));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task Counter_StaffOfTheDepartment_RecordsOnce_PrintsAReceipt_OtherDepartmentsCannotFindIt()
    {
        var (receipt, _) = await SubmitJuminhyoAsync(copies: 2);
        using var shimin = await SignInAsync("shimin@musashino.example");
        var page = await Html.ParseAsync(await shimin.GetAsync(new Uri($"/staff/payments/counter?q={receipt}", UriKind.Relative), Ct));
        Assert.Equal("600円", page.QuerySelector("#found-amount")!.TextContent.Trim());

        using var wrong = await Html.SubmitAsync(shimin, page, "#record-form", new Dictionary<string, string> { ["Method"] = "cash", ["Amount"] = "500" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var errors = await Html.ParseAsync(wrong);
        Assert.NotNull(errors.QuerySelector(".error-summary a[href='#Amount']"));
        Assert.Equal("500", errors.QuerySelector("#Amount")!.GetAttribute("value"));

        using var recorded = await Html.SubmitAsync(shimin, page, "#record-form", new Dictionary<string, string> { ["Method"] = "qr-code", ["Amount"] = "600" });
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var receiptPage = await Html.ParseAsync(await shimin.GetAsync(recorded.Headers.Location, Ct));
        Assert.Matches(@"^R\d{8}-\d{6}$", receiptPage.QuerySelector("#receipt-number")!.TextContent.Trim());
        Assert.Equal("600円", receiptPage.QuerySelector("#receipt-amount")!.TextContent.Trim());
        Assert.Equal("市民 太郎", receiptPage.QuerySelector("#receipt-by")!.TextContent.Trim());

        // A double click: the same form sent again lands on the one receipt.
        using var twice = await Html.SubmitAsync(shimin, page, "#record-form", new Dictionary<string, string> { ["Method"] = "cash", ["Amount"] = "600" });
        Assert.Equal(HttpStatusCode.Redirect, twice.StatusCode);
        Assert.Contains("already=1", twice.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(PaymentState.Paid, (await PaymentStatusAsync(receipt)).State);
        var (receipts, audits) = await App.InOrganizationAsync(Organization, async (db, _) =>
        {
            var payment = await db.Set<Payment>().SingleAsync(p => p.Reference == PaymentReferences.Submission(receipt), Ct);
            return (await db.Set<CounterReceipt>().CountAsync(r => r.PaymentId == payment.Id, Ct),
                await db.AuditEntries.CountAsync(a => a.Action == "payment.personal_data_read" && a.EntityId == payment.Id.ToString(), Ct));
        });
        Assert.Equal(1, receipts);
        Assert.True(audits >= 2, $"{audits} audited reads");

        using var kodomo = await SignInAsync("kodomo@musashino.example");
        var other = await Html.ParseAsync(await kodomo.GetAsync(new Uri($"/staff/payments/counter?q={receipt}", UriKind.Relative), Ct));
        Assert.NotNull(other.QuerySelector("#not-found"));
        Assert.Null(other.QuerySelector("#found"));
        using var otherReceipt = await kodomo.GetAsync(recorded.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.NotFound, otherReceipt.StatusCode);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var client = App.CreateBrowserLikeClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        using var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Madoguchi.Platform.Seeding.DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Sends the demo 住民票の写し form (the benchmark's valid answers) with <paramref name="copies"/>; returns the receipt number and status path.</summary>
    private async Task<(string Receipt, string StatusPath)> SubmitJuminhyoAsync(int copies)
    {
        var fixtureJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "bench", "forms", "juminhyo-copy.json"), Ct))!;
        var answers = fixtureJson["answers"]!.AsObject();
        answers["copies"] = copies;
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/procedures/juminhyo-copy/submissions") { Content = JsonContent.Create(new JsonObject { ["answers"] = answers.DeepClone() }) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        var body = await ReadAsync(response);
        return (body.GetProperty("receiptNumber").GetString()!, new Uri(body.GetProperty("statusUrl").GetString()!).PathAndQuery);
    }

    private Task<PaymentStatusInfo> PaymentStatusAsync(string receipt) =>
        App.InOrganizationAsync(Organization, (_, services) => services.GetRequiredService<IPaymentStatus>().ForReferenceAsync(PaymentReferences.Submission(receipt), Ct));

    private async Task<string> StatusAsync(Guid id)
    {
        var payment = await App.InOrganizationAsync(Organization, (db, _) => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, Ct));
        return PaymentLifecycle.Text(payment.Status);
    }

    private Task<List<PaymentStatusChanged>> EventsAsync(Guid id) =>
        App.InOrganizationAsync(Organization, async (db, _) =>
            (await db.OutboxMessages.AsNoTracking().Where(m => m.Type == PaymentStatusChanged.Type).ToListAsync(Ct))
                .Select(Madoguchi.Platform.Outbox.Outbox.Read<PaymentStatusChanged>).Where(e => e.PaymentId == id).ToList());
}
