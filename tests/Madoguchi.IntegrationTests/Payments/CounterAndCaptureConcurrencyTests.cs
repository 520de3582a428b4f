using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Payments.Counter;
using Madoguchi.Payments.Payments;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.IntegrationTests.Payments;

/// <summary>
/// On PostgreSQL over real HTTP: staff double-clicking or two staff recording the same counter
/// payment (窓口収納) at once make one record and one receipt; captures and cancels of one
/// authorised payment fired together end in exactly one of them.
/// </summary>
public sealed class CounterAndCaptureConcurrencyTests
{
    private const int Workers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<MadoguchiApp> StartAsync() =>
        MadoguchiApp.StartKestrelAsync(DatabaseProvider.Postgres, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
            ["Bookings:MaintenanceEnabled"] = "false",
            ["Payments:ExpiryEnabled"] = "false",
        });

    [Fact]
    public async Task TwoStaffAndADoubleClick_RecordingOneCounterPayment_MakeOneRecord()
    {
        await using var app = await StartAsync();
        using var api = app.CreateApiClient();
        var (id, number) = await CreateAsync(api, 1500);
        var staff = new[] { await SignInAsync(app, "shimin@musashino.example"), await SignInAsync(app, "shimin-kacho@musashino.example") };
        var forms = new List<(HttpClient Client, AngleSharp.Dom.IDocument Page)>();
        foreach (var client in staff)
        {
            forms.Add((client, await Html.ParseAsync(await client.GetAsync(new Uri($"/staff/payments/counter?q={number}", UriKind.Relative), Ct))));
        }

        using var gate = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
        {
            var (client, page) = forms[i % forms.Count];
            await gate.WaitAsync(Ct);
            using var response = await Html.SubmitAsync(client, page, "#record-form", new Dictionary<string, string> { ["Method"] = i % 2 == 0 ? "cash" : "credit-card", ["Amount"] = "1500" });
            return (response.StatusCode, response.Headers.Location?.OriginalString);
        }, Ct)).ToList();
        gate.Release(Workers);
        var results = await Task.WhenAll(tasks);

        // Everyone lands on the one receipt; all but one are told it was already recorded.
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.All(results, r => Assert.StartsWith($"/staff/payments/counter/receipts/{id}", r.Item2, StringComparison.Ordinal));
        Assert.Single(results, r => !r.Item2!.Contains("already=1", StringComparison.Ordinal));
        var stored = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            (Receipts: await db.Set<CounterReceipt>().CountAsync(r => r.PaymentId == id, Ct),
             Captures: await db.Set<PaymentTransition>().CountAsync(t => t.PaymentId == id && t.To == PaymentStatus.Captured, Ct),
             Payment: await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, Ct)));
        Assert.Equal(1, stored.Receipts);
        Assert.Equal(1, stored.Captures);
        Assert.Equal(PaymentStatus.Captured, stored.Payment.Status);
        Assert.Equal(1500, stored.Payment.CapturedYen);
        foreach (var client in staff)
        {
            client.Dispose();
        }
    }

    [Fact]
    public async Task CapturesAndCancelsFiredTogether_EndInExactlyOneOfThem()
    {
        await using var app = await StartAsync();
        using var api = app.CreateApiClient();
        for (var round = 0; round < 3; round++)
        {
            var (id, _) = await CreateAsync(api, 800);
            await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            {
                // The gateway authorised it (a delayed capture); the history records the step like a webhook would.
                var payment = await db.Set<Payment>().SingleAsync(p => p.Id == id, Ct);
                db.Add(new PaymentTransition { PaymentId = id, From = payment.Status, To = PaymentStatus.Authorised, Source = "webhook", OccurredAt = DateTime.UtcNow });
                payment.Status = PaymentStatus.Authorised;
                payment.Version++;
                return await db.SaveChangesAsync(Ct);
            });

            using var gate = new SemaphoreSlim(0);
            var tasks = Enumerable.Range(0, Workers).Select(i => Task.Run(async () =>
            {
                var command = i % 2 == 0 ? "capture" : "cancel";
                await gate.WaitAsync(Ct);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/payments/{id}/{command}") { Content = JsonContent.Create(new { }) };
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                using var response = await api.SendAsync(request, Ct);
                return (Command: command, response.StatusCode);
            }, Ct)).ToList();
            gate.Release(Workers);
            var results = await Task.WhenAll(tasks);

            var payment = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == id, Ct));
            var history = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<PaymentTransition>().AsNoTracking().Where(t => t.PaymentId == id).ToListAsync(Ct));
            Assert.Single(history, t => t.To is PaymentStatus.Captured or PaymentStatus.Cancelled);
            if (payment.Status == PaymentStatus.Captured)
            {
                Assert.Single(results, r => r.Command == "capture" && r.StatusCode == HttpStatusCode.OK);
                Assert.All(results.Where(r => r.Command == "cancel"), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
                Assert.Equal(800, payment.CapturedYen);
            }
            else
            {
                Assert.Equal(PaymentStatus.Cancelled, payment.Status);
                Assert.All(results.Where(r => r.Command == "capture"), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
                Assert.All(results.Where(r => r.Command == "cancel"), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
                Assert.Equal(0, payment.CapturedYen);
            }
        }
    }

    private static async Task<(Guid Id, string Number)> CreateAsync(HttpClient api, long amount)
    {
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { amount, reference = "MSN-2026-" + Guid.NewGuid().ToString("N")[..8], description = "住民票の写し", returnUrl = "http://localhost/done", departmentCode = "citizen-services" }),
        };
        create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await api.SendAsync(create, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("paymentId").GetGuid();
        using var get = await api.GetAsync(new Uri($"/api/v1/payments/{id}", UriKind.Relative), Ct);
        var number = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("paymentNumber").GetString()!;
        return (id, number);
    }

    private static async Task<HttpClient> SignInAsync(MadoguchiApp app, string email)
    {
        var client = app.CreateBrowserLikeClient();
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct));
        using var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = DemoSeeder.DemoPassword });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
