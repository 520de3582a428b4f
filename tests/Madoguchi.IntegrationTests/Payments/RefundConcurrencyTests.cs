using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Refunds;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Payments;

/// <summary>
/// Two (or twelve) staff refunding the same payment at once, over real HTTP on PostgreSQL: the
/// refundAmountAvailable guard and the version check never let refunds exceed the captured amount.
/// </summary>
public sealed class RefundConcurrencyTests
{
    private const long Captured = 1000;
    private const long Each = 300;
    private const int Workers = 12;

    [Fact]
    public async Task ConcurrentRefunds_OnPostgres_NeverExceedTheCapturedAmount()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        using var api = app.CreateApiClient();
        using var browser = app.CreateBrowserLikeClient();
        var id = await CreateAndPayAsync(api, browser, ct);

        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            await gate.WaitAsync(ct);
            var outcomes = new List<HttpStatusCode>();
            for (var attempt = 0; attempt < 10; attempt++)
            {
                // Every staff member first looks at what is left, then refunds against it.
                var available = (await GetAsync(api, id, ct)).GetProperty("refundAmountAvailable").GetInt64();
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/{id}/refunds")
                {
                    Content = JsonContent.Create(new { amount = Each, refundAmountAvailable = attempt == 0 ? Captured : available }),
                };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await api.SendAsync(request, ct);
                outcomes.Add(response.StatusCode);
                if (response.StatusCode != HttpStatusCode.PreconditionFailed)
                {
                    break;
                }
            }

            return outcomes;
        }, ct)).ToList();
        gate.Release(Workers);
        var results = (await Task.WhenAll(tasks)).SelectMany(o => o).ToList();

        Assert.All(results, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.PreconditionFailed or HttpStatusCode.UnprocessableEntity or HttpStatusCode.Conflict, $"unexpected {(int)s}"));
        var created = results.Count(s => s == HttpStatusCode.Created);
        Assert.Equal((int)(Captured / Each), created); // 3 × 300 fit in 1000; a fourth never does
        Assert.Contains(HttpStatusCode.PreconditionFailed, results); // the first burst all claimed 1000 available: only one could be right

        var payment = await GetAsync(api, id, ct);
        Assert.Equal(created * Each, payment.GetProperty("refundedAmount").GetInt64());
        Assert.Equal(Captured - (created * Each), payment.GetProperty("refundAmountAvailable").GetInt64());
        var stored = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            (Refunds: await db.Set<Refund>().Where(r => r.PaymentId == id).SumAsync(r => r.AmountYen, ct),
             Transitions: await db.Set<PaymentTransition>().Where(t => t.PaymentId == id && t.Source == "refund").SumAsync(t => t.AmountYen, ct)));
        Assert.Equal(created * Each, stored.Refunds);
        Assert.Equal(created * Each, stored.Transitions);
    }

    [Fact]
    public async Task TheDatabaseItself_RefusesMoreRefundedThanCaptured()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });
        using var api = app.CreateApiClient();
        using var browser = app.CreateBrowserLikeClient();
        var id = await CreateAndPayAsync(api, browser, ct);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var payment = await db.Set<Payment>().SingleAsync(p => p.Id == id, ct);
            payment.RefundedYen = Captured + 1;
            return await db.SaveChangesAsync(ct);
        }));
    }

    private static async Task<Guid> CreateAndPayAsync(HttpClient api, HttpClient browser, CancellationToken ct)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { amount = Captured, reference = "MSN-2026-900001", description = "施設使用料", returnUrl = "http://localhost/done" }),
        };
        create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await api.SendAsync(create, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = JsonDocument.Parse(await created.Content.ReadAsStringAsync(ct)).RootElement;
        var id = body.GetProperty("paymentId").GetGuid();
        using var card = await browser.GetAsync(new Uri(new Uri(body.GetProperty("nextUrl").GetString()!).PathAndQuery, UriKind.Relative), ct);
        using var paid = await Html.SubmitAsync(browser, await Html.ParseAsync(card), "form[action*='handler=Pay']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        using var status = await browser.GetAsync(paid.Headers.Location, ct);
        Assert.Equal("captured", (await GetAsync(api, id, ct)).GetProperty("status").GetString());
        return id;
    }

    private static async Task<JsonElement> GetAsync(HttpClient api, Guid id, CancellationToken ct)
    {
        using var response = await api.GetAsync(new Uri($"/api/v1/payments/{id}", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
    }
}
