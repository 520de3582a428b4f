using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>What several browser tests do on the staff case pages and the 各種証明書の郵送請求 form, in one place.</summary>
internal static class CasePages
{
    /// <summary>Submits the test form for 住民票の写し over the public API; returns the receipt number.</summary>
    public static async Task<string> SubmitTestFormAsync(MadoguchiApp app, string family)
    {
        ArgumentNullException.ThrowIfNull(app);
        await TestForms.PublishAsync(app);
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers(family)} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken))!["receiptNumber"]!.GetValue<string>();
    }

    /// <summary>Waits (the outbox opens the case within seconds) for the receipt in the inbox, then opens it with the keyboard; returns the case's path.</summary>
    public static async Task<string> OpenFromInboxAsync(IPage page, string receipt, bool checkAccessibility = false)
    {
        var link = page.Locator($"#cases tr[data-receipt='{receipt}'] a");
        for (var attempt = 0; attempt < 60 && await link.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/staff/cases");
            if (await link.CountAsync() == 0)
            {
                await Task.Delay(500, TestContext.Current.CancellationToken);
            }
        }

        if (checkAccessibility)
        {
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff/cases/*");
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>Presses a button with the keyboard and (when <paramref name="wait"/>) waits for the page that answers (a PRG redirect shows #done).</summary>
    public static async Task PressAsync(IPage page, string selector, bool wait = true)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("Enter");
        if (wait)
        {
            await page.WaitForSelectorAsync("#done");
        }
    }

    /// <summary>
    /// 各種証明書の郵送請求 for oneself (2 copies of 住民票), from the procedure page to the check page (入力内容の確認),
    /// paying as <paramref name="payment"/> (moneyOrder or online). Checks each step's first page with axe.
    /// </summary>
    public static async Task FillCertificateByPostAsync(IPage page, string payment = "moneyOrder")
    {
        await page.GotoAsync("/procedures/certificate-by-post");
        await page.ClickAsync("text=オンラインで申請する");
        await page.ClickAsync("main button:has-text('申請を始める')");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.CheckAsync("input[name='requesterType'][value='self']");
        await page.FillAsync("input[name='name.family']", "吉祥寺");
        await page.FillAsync("input[name='name.given']", "花子");
        await page.FillAsync("input[name='name.familyKana']", "キチジョウジ");
        await page.FillAsync("input[name='name.givenKana']", "ハナコ");
        await page.SelectOptionAsync("select[name='dateOfBirth.era']", "昭和");
        await page.FillAsync("input[name='dateOfBirth.year']", "60");
        await page.FillAsync("input[name='dateOfBirth.month']", "5");
        await page.FillAsync("input[name='dateOfBirth.day']", "20");
        await page.FillAsync("input[name='address.postalCode']", "180-0004");
        await page.FillAsync("input[name='address.address']", "東京都武蔵野市吉祥寺本町1-2-3");
        await page.FillAsync("input[name='phone']", "0422-51-5131");
        await page.FillAsync("input[name='email']", "hanako.kichijoji@example.jp");
        await ContinueAsync(page);

        await page.CheckAsync("input[name='kinds'][value='juminhyo']");
        await page.FillAsync("input[name='juminhyoCopies']", "2");
        await page.FillAsync("[name='purpose']", "年金の手続き");
        await ContinueAsync(page);

        await page.SetInputFilesAsync("input[name='identityDocument']", new FilePayload { Name = "license.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% 運転免許証の写し\n%%EOF\n"u8.ToArray() });
        await page.CheckAsync("input[name='mailTo'][value='registered']");
        await ContinueAsync(page);

        await page.CheckAsync($"input[name='payment'][value='{payment}']");
        await page.CheckAsync("input[name='postage'][value='ordinary']");
        await ContinueAsync(page);

        await page.CheckAsync("input[name='declaration']");
        await page.CheckAsync("input[name='legitimateUse']");
        await ContinueAsync(page);

        Assert.Equal("入力内容の確認", (await page.TextContentAsync("h1"))?.Trim());
    }

    /// <summary>Sends the application from the check page; returns the receipt number (受付番号).</summary>
    public static async Task<string> SendAsync(IPage page)
    {
        await page.ClickAsync("button:has-text('同意して送信する')");
        var number = (await page.TextContentAsync(".receipt-number"))!.Trim();
        Assert.Matches(@"^MSN-20\d\d-\d{6}$", number);
        await Accessibility.AssertNoViolationsAsync(page);
        return number;
    }

    private static async Task ContinueAsync(IPage page)
    {
        await page.ClickAsync("main .button-row button:has-text('次へ進む')");
        Assert.False(await page.IsVisibleAsync(".error-summary"), "The step was refused: " + await page.InnerTextAsync("main"));
    }
}
