using System.Net;
using System.Text;
using Madoguchi.Payments.Gateways.Simulated;
using Madoguchi.Payments.Payments;
using Madoguchi.Payments.Reconciliation;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using static Madoguchi.Tests.Payments.PaymentsTestKit;

namespace Madoguchi.Tests.Payments;

/// <summary>The daily report: totals equal the sum of the day's transitions; differences from the gateway's settlement are listed; CSV.</summary>
public sealed class ReconciliationTests(PaymentsApp fixture) : IClassFixture<PaymentsApp>
{
    private MadoguchiApp App => fixture.App;

    private static async Task PayAsync(HttpClient browser, string next)
    {
        using var paid = await OnGatewayAsync(browser, next, "Pay");
        (await browser.GetAsync(paid.Headers.Location, Ct)).Dispose();
    }

    [Fact]
    public async Task DailyReport_TotalsEqualTheSumOfTransitions_AndListsSettlementMismatches()
    {
        using var api = App.CreateApiClient();
        using var browser = App.CreateBrowserLikeClient();
        var prefix = "R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (a, nextA) = await CreateAsync(api, 300, $"{prefix}-1");
        var (b, nextB) = await CreateAsync(api, 1500, $"{prefix}-2");
        await CreateAsync(api, 800, $"{prefix}-3"); // never paid: outstanding
        await PayAsync(browser, nextA);
        await PayAsync(browser, nextB);
        using var refund = await api.SendAsync(Post($"/api/v1/payments/{b}/refunds", new { amount = 500, refundAmountAvailable = 1500 }, Guid.NewGuid().ToString()), Ct);
        Assert.Equal(HttpStatusCode.Created, refund.StatusCode);

        var today = JstDay.Of(DateTime.UtcNow);
        using var response = await api.GetAsync(new Uri($"/api/v1/payments/reconciliation?date={today:yyyy-MM-dd}", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ReadAsync(response);
        var row = report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("referencePrefix").GetString() == prefix);
        Assert.Equal(1800, row.GetProperty("capturedYen").GetInt64());
        Assert.Equal(500, row.GetProperty("refundedYen").GetInt64());
        Assert.Equal(800, row.GetProperty("outstandingYen").GetInt64());
        Assert.Equal(3, row.GetProperty("payments").GetInt32());

        // The whole day's totals are the sums of the recorded transitions.
        var (from, to) = JstDay.Bounds(today);
        var sums = await App.InOrganizationAsync(Organization, async (db, _) =>
        {
            var moves = await db.Set<PaymentTransition>().Where(t => t.OccurredAt >= from && t.OccurredAt < to).ToListAsync(Ct);
            return (Captured: moves.Where(t => t.To == PaymentStatus.Captured).Sum(t => t.AmountYen), Refunded: moves.Where(t => t.Source == "refund").Sum(t => t.AmountYen));
        });
        Assert.Equal(sums.Captured, report.GetProperty("capturedYen").GetInt64());
        Assert.Equal(sums.Refunded, report.GetProperty("refundedYen").GetInt64());
        Assert.DoesNotContain(report.GetProperty("mismatches").EnumerateArray(), m => m.GetProperty("paymentId").GetGuid() == a || m.GetProperty("paymentId").GetGuid() == b);

        // The gateway settles a different amount for A: the report lists it.
        await App.InOrganizationAsync(Organization, async (db, _) =>
        {
            var charge = await db.Set<SimulatedCharge>().SingleAsync(c => c.PaymentId == a, Ct);
            charge.CapturedYen = 30;
            return await db.SaveChangesAsync(Ct);
        });
        var again = await ReadAsync(await api.GetAsync(new Uri($"/api/v1/payments/reconciliation?date={today:yyyy-MM-dd}", UriKind.Relative), Ct));
        var mismatch = again.GetProperty("mismatches").EnumerateArray().Single(m => m.GetProperty("paymentId").GetGuid() == a);
        Assert.Equal(300, mismatch.GetProperty("oursCapturedYen").GetInt64());
        Assert.Equal(30, mismatch.GetProperty("gatewayCapturedYen").GetInt64());

        using var csv = await api.GetAsync(new Uri($"/api/v1/payments/reconciliation?date={today:yyyy-MM-dd}&format=csv", UriKind.Relative), Ct);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync(Ct)).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("date,kind,department,reference_prefix,payments,captured_yen,refunded_yen,outstanding_yen", lines[0], StringComparison.Ordinal);
        Assert.Contains($"{today:yyyy-MM-dd},total,none,{prefix},3,1800,500,800,,,", lines);
        Assert.Contains(lines, l => l.StartsWith($"{today:yyyy-MM-dd},mismatch,", StringComparison.Ordinal) && l.EndsWith(",30,0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadDate_Is400()
    {
        using var api = App.CreateApiClient();
        using var response = await api.GetAsync(new Uri("/api/v1/payments/reconciliation?date=2026-13-01", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
