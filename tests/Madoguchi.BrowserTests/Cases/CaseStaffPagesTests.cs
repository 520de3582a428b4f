using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing.Forms;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>
/// The case staff pages in a real browser, keyboard only: a citizen's 住民票の写し application appears in
/// 市民課's inbox; the clerk opens it (checks shown), starts the review and sends it for approval; the 課長
/// sends it back (差戻し); it is resubmitted; the 課長補佐 approves by 代決 (the seal says 代決); the clerk
/// completes it. axe-core on the inbox and the case page at desktop width and at 320 px.
/// </summary>
public sealed class CaseStaffPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACitizensApplication_GoesThroughReview_SendBack_DeputyApproval_AndCompletion()
    {
        var receipt = await SubmitAsync("吉祥寺"); // its own applicant: the other test's would be flagged as a duplicate
        var clerk = await SignedInAsync("shimin@musashino.example", 1280);
        var caseUrl = await OpenFromInboxAsync(clerk, receipt);
        Assert.Equal(3, await clerk.Locator("#checks li").CountAsync());
        Assert.Equal(3, await clerk.Locator("#checks li.check--passed").CountAsync());
        Assert.Contains("吉祥寺", await clerk.InnerTextAsync("#answers"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(clerk);

        await PressAsync(clerk, "#act-accept");
        Assert.Equal("審査中", (await clerk.InnerTextAsync("#case-status")).Trim());
        await clerk.FillAsync("#comment", "交付して差し支えないと考えます");
        await PressAsync(clerk, "#act-submit-for-approval");
        Assert.Equal("決裁中", (await clerk.InnerTextAsync("#case-status")).Trim());

        var kacho = await SignedInAsync("shimin-kacho@musashino.example", 1280);
        await kacho.GotoAsync(caseUrl);
        await kacho.FillAsync("#comment", "本人確認の方法を追記してください");
        await kacho.FocusAsync("#send-back-drafter");
        await kacho.Keyboard.PressAsync("Space");
        await PressAsync(kacho, "#act-send-back");
        Assert.Equal("審査中", (await kacho.InnerTextAsync("#case-status")).Trim());

        await clerk.GotoAsync(caseUrl);
        await clerk.FillAsync("#comment", "追記しました");
        await PressAsync(clerk, "#act-submit-for-approval");

        var hosa = await SignedInAsync("shimin-hosa@musashino.example", 1280);
        await hosa.GotoAsync(caseUrl);
        Assert.Equal(0, await hosa.Locator("#act-approve").CountAsync());
        await hosa.SelectOptionAsync("#deputyFor", "Approver");
        await hosa.FillAsync("#comment", "課長不在のため代決します");
        await PressAsync(hosa, "#act-approve-as-deputy");
        var seal = hosa.Locator("#route .seal--deputy");
        Assert.Contains("代決", await seal.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("市民 補佐", await seal.InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(hosa);

        await clerk.GotoAsync(caseUrl);
        await PressAsync(clerk, "#act-complete");
        Assert.Equal("完了", (await clerk.InnerTextAsync("#case-status")).Trim());
        await Accessibility.AssertNoViolationsAsync(clerk);
        await clerk.GotoAsync("/staff/cases?status=completed");
        Assert.Equal(1, await clerk.Locator($"#cases tr[data-receipt='{receipt}']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(clerk);
    }

    [Fact]
    public async Task InboxAndCasePage_PassAxe_At320Pixels_WithoutSidewaysScrolling()
    {
        var receipt = await SubmitAsync("三鷹");
        var clerk = await SignedInAsync("shimin@musashino.example", 320);
        var caseUrl = await OpenFromInboxAsync(clerk, receipt);
        foreach (var path in new[] { "/staff/cases", "/staff/cases?status=received&assignee=unassigned", caseUrl })
        {
            await clerk.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(clerk);
            var scrollWidth = await clerk.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }

        // A mistake (note left empty): the error summary passes axe too.
        await PressAsync(clerk, "#note-form button[type=submit]", wait: false);
        await clerk.WaitForSelectorAsync(".error-summary");
        await Accessibility.AssertNoViolationsAsync(clerk);
    }

    /// <summary>Submits the test form for 住民票の写し over the public API; returns the receipt number.</summary>
    private async Task<string> SubmitAsync(string family)
    {
        await TestForms.PublishAsync(shared.App);
        using var client = shared.App.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers(family)} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["receiptNumber"]!.GetValue<string>();
    }

    /// <summary>Waits (the outbox opens the case within seconds) for the receipt in the inbox, then opens it with the keyboard.</summary>
    private static async Task<string> OpenFromInboxAsync(IPage page, string receipt)
    {
        var link = page.Locator($"#cases tr[data-receipt='{receipt}'] a");
        for (var attempt = 0; attempt < 60 && await link.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("/staff/cases");
            if (await link.CountAsync() == 0)
            {
                await Task.Delay(500, Ct);
            }
        }

        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/staff/cases/*");
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>Presses a button with the keyboard and waits for the page that answers (a PRG redirect shows #done).</summary>
    private static async Task PressAsync(IPage page, string selector, bool wait = true)
    {
        await page.FocusAsync(selector);
        await page.Keyboard.PressAsync("Enter");
        if (wait)
        {
            await page.WaitForSelectorAsync("#done");
        }
    }

    private async Task<IPage> SignedInAsync(string email, int width)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, width: width, height: 800);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 45_000 });
        return page;
    }
}
