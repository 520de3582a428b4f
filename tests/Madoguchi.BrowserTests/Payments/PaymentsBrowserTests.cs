using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Testing;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Payments;

/// <summary>
/// A citizen pays a fee created through the API on the simulated gateway in Chromium with JavaScript
/// off at 320 px and sees it paid; another is declined, tries again and is charged once. Every
/// payment page (gateway, status, slip) passes axe-core. The class's app (its own fixture instance) holds only these payments.
/// </summary>
public sealed class PaymentsBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(Guid Id, string NextUrl)> CreatePaymentAsync(long amount, string reference)
    {
        using var api = shared.App.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments")
        {
            Content = JsonContent.Create(new { amount, reference, description = "住民票の写し 1通", returnUrl = "http://localhost/apply/done" }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await api.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return (json.RootElement.GetProperty("paymentId").GetGuid(), json.RootElement.GetProperty("nextUrl").GetString()!);
    }

    private async Task<List<string>> StatusesOfAsync(string reference)
    {
        using var api = shared.App.CreateApiClient();
        var statuses = new List<string>();
        var ids = await shared.App.InOrganizationAsync("MSN", (db, _) => Task.FromResult(
            db.Set<Madoguchi.Payments.Payments.Payment>().Where(p => p.Reference == reference).Select(p => p.Id).ToList()));
        foreach (var id in ids)
        {
            using var response = await api.GetAsync(new Uri($"/api/v1/payments/{id}", UriKind.Relative), Ct);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            statuses.Add(json.RootElement.GetProperty("status").GetString()!);
        }

        return statuses;
    }

    [Fact]
    public async Task Citizen_PaysOnTheSimulatedGateway_WithoutJavaScript_At320px_AndSeesPaid()
    {
        var (id, next) = await CreatePaymentAsync(300, "MSN-2026-100001");
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);

        await page.GotoAsync($"/pay/{id}");
        Assert.Equal("pending", await page.GetAttributeAsync("#payment-status", "data-status"));
        await AssertAccessibleAsync(page);
        await page.ClickAsync("#slip-link");
        Assert.Contains("300円", await page.InnerTextAsync("#slip-amount"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#slip-qr').naturalWidth > 0"), "The QR code image loads under the CSP.");
        await AssertAccessibleAsync(page);

        await page.GotoAsync(next);
        Assert.Contains("300円", await page.InnerTextAsync("#amount"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await page.ClickAsync("#pay");

        Assert.EndsWith($"/pay/{id}", page.Url, StringComparison.Ordinal);
        Assert.Equal("paid", await page.GetAttributeAsync("#payment-status", "data-status"));
        Assert.Contains("支払いが完了しました", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        Assert.Equal(["captured"], await StatusesOfAsync("MSN-2026-100001"));

        // Back to the card page: it no longer takes a card.
        await page.GotoAsync(next);
        Assert.Equal(0, await page.Locator("#pay").CountAsync());
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Citizen_IsDeclined_TriesAgain_AndIsChargedOnce()
    {
        var (_, next) = await CreatePaymentAsync(1200, "MSN-2026-100002");
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await page.GotoAsync(next);
        await page.SelectOptionAsync("#failureCode", "card_declined");
        await page.ClickAsync("#decline");

        Assert.Equal("failed", await page.GetAttributeAsync("#payment-status", "data-status"));
        Assert.Contains("カードが使えませんでした", await page.InnerTextAsync("#failure"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        await page.ClickAsync("#retry");
        Assert.Contains("/pay/simulated/", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#pay");
        Assert.Equal("paid", await page.GetAttributeAsync("#payment-status", "data-status"));
        await AssertAccessibleAsync(page);

        var statuses = await StatusesOfAsync("MSN-2026-100002");
        Assert.Equal(["captured", "failed"], statuses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Staff_RecordACounterPayment_WithoutJavaScript_At320px_AndPrintTheReceipt()
    {
        var (id, _) = await CreatePaymentAsync(600, "MSN-2026-100003");
        var number = await shared.App.InOrganizationAsync("MSN", (db, _) => Task.FromResult(
            db.Set<Madoguchi.Payments.Payments.Payment>().Single(p => p.Id == id).PaymentNumber));
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", "shimin@musashino.example");
        await page.FillAsync("#password", Madoguchi.Platform.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 60_000 });

        await page.GotoAsync("/staff/payments/counter");
        await AssertAccessibleAsync(page);
        await page.FillAsync("#Q", number);
        await page.ClickAsync("#search");
        Assert.Contains("600円", await page.InnerTextAsync("#found-amount"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // A wrong amount: the error summary links to the field, which keeps what was typed.
        await page.CheckAsync("#Method");
        await page.FillAsync("#Amount", "500");
        await page.ClickAsync("#record");
        Assert.Equal("500", await page.InputValueAsync("#Amount"));
        Assert.Equal(1, await page.Locator(".error-summary a[href='#Amount']").CountAsync());
        await AssertAccessibleAsync(page);

        await page.CheckAsync("#Method");
        await page.FillAsync("#Amount", "600");
        await page.ClickAsync("#record");
        Assert.Contains($"/staff/payments/counter/receipts/{id}", page.Url, StringComparison.Ordinal);
        Assert.Contains("600円", await page.InnerTextAsync("#receipt-amount"), StringComparison.Ordinal);
        Assert.Equal("市民 太郎", (await page.InnerTextAsync("#receipt-by")).Trim());
        await AssertAccessibleAsync(page);
        Assert.Equal(["captured"], await StatusesOfAsync("MSN-2026-100003"));
    }

    /// <summary>
    /// Issue 6's journey from the form: a resident applies for 各種証明書の郵送請求 (2 copies of 住民票) with online payment,
    /// JavaScript off at 320 px, sees the fee (600円) and the postage charged with it (110円) before sending, pays both on the simulated gateway from the status page, comes back to a paid
    /// receipt and a status page that no longer asks for the fee; 市民課's clerk sees the case as paid.
    /// </summary>
    [Fact]
    public async Task Resident_AppliesWithAFee_SeesItBeforeSending_PaysOnline_AndStaffSeeTheCasePaid()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await Cases.CasePages.FillCertificateByPostAsync(page, payment: "online");
        var check = await page.InnerTextAsync("main");
        Assert.Contains("600円", check, StringComparison.Ordinal);
        Assert.Contains("110円", check, StringComparison.Ordinal); // 郵送料 with electronic payment
        await AssertAccessibleAsync(page);
        var receipt = await Cases.CasePages.SendAsync(page);
        var statusPath = new Uri(page.Url).AbsolutePath;

        await page.ClickAsync("#pay-fee");
        Assert.EndsWith("/pay/fee/" + statusPath["/status/".Length..], page.Url, StringComparison.Ordinal);
        // The fee and the postage the form promised to charge with it, and their total.
        Assert.Equal("600円", (await page.InnerTextAsync("#fee-part")).Trim());
        Assert.Equal("110円", (await page.InnerTextAsync(".fee-charge")).Trim());
        Assert.Equal("710円", (await page.InnerTextAsync("#fee-amount")).Trim());
        await AssertAccessibleAsync(page);
        await page.ClickAsync("#fee-online");

        Assert.Contains("/pay/simulated/", page.Url, StringComparison.Ordinal);
        Assert.Contains("710円", await page.InnerTextAsync("#amount"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        await page.ClickAsync("#pay");

        Assert.Equal("paid", await page.GetAttributeAsync("#payment-status", "data-status"));
        Assert.Contains("710円", await page.InnerTextAsync("#amount"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);
        Assert.Equal(["captured"], await StatusesOfAsync("submission:" + receipt));

        // Back to the service: the status page says the fee is paid and offers no second payment.
        await page.ClickAsync("#return");
        Assert.Equal(statusPath, new Uri(page.Url).AbsolutePath);
        Assert.Equal(0, await page.Locator("#pay-fee").CountAsync());
        Assert.Contains("支払い済み", await page.InnerTextAsync("#fee-paid"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // 市民課 sees the case paid.
        var clerk = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "shimin@musashino.example");
        await Cases.CasePages.OpenFromInboxAsync(clerk, receipt);
        var fee = await clerk.InnerTextAsync("#case-fee");
        Assert.Contains("支払い済み", fee, StringComparison.Ordinal);
        Assert.Contains("710円", fee, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(clerk);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{page.Url} scrolls sideways at 320 px ({scrollWidth} px wide).");
    }
}
