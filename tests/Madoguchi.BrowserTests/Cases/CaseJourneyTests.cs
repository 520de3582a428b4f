using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>
/// Issue 4's "done when", in one real browser run: a resident applies online for 各種証明書の郵送請求; 市民課's
/// clerk sees it in the inbox with its automatic-check results and asks for a correction on the case page;
/// the resident gets the email, opens its link and fixes the one answer; the case goes through the two-step
/// route (係長 → 合議 of 課長 and 所属管理者) with a 差戻し by the 課長 and then a 代決 for them by the 課長補佐, and
/// is completed. The resident's status page and emails show each step. axe-core checks every staff and
/// citizen page on the way. Staff use the keyboard only.
/// </summary>
public sealed partial class CaseJourneyTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResidentApplies_StaffAskForACorrection_TheRouteHasASendBackAndADeputy_AndTheResidentSeesEveryStep()
    {
        // The resident applies.
        var resident = await shared.Browser.NewPageAsync(shared.App.RootUri!);
        var receipt = await ApplyAsync(resident);
        var receiptMail = await shared.App.WaitForMailAsync(receipt, Ct);
        Assert.Contains("hanako.kichijoji@example.jp", receiptMail, StringComparison.Ordinal);
        var statusUrl = new Uri(StatusLink().Match(receiptMail).Value).PathAndQuery;

        // The clerk finds it with its checks and asks for a correction of the purpose.
        var clerk = await SignedInAsync("shimin@musashino.example");
        var caseUrl = await OpenFromInboxAsync(clerk, receipt);
        var checks = await clerk.InnerTextAsync("#checks");
        Assert.Equal(2, await clerk.Locator("#checks li").CountAsync());
        Assert.True(await clerk.Locator("#checks li.check--passed").CountAsync() == 2, "Not every check passed: " + checks);
        Assert.Contains("武蔵野市", checks, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(clerk);
        await PressAsync(clerk, "#act-accept");
        Assert.Equal("審査中", (await clerk.InnerTextAsync("#case-status")).Trim());
        Assert.Contains(receipt, await shared.App.WaitForMailAsync("【受理】", Ct), StringComparison.Ordinal);
        await clerk.FocusAsync("#correction-field-purpose");
        await clerk.Keyboard.PressAsync("Space");
        await clerk.FillAsync("#correction-message", "提出先を具体的に書いてください");
        await clerk.FocusAsync("#correction-request button[type=submit]");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.WaitForSelectorAsync("#correction-request .panel--confirmation");
        Assert.Equal("補正依頼中", (await clerk.InnerTextAsync("#case-status")).Trim());
        await Accessibility.AssertNoViolationsAsync(clerk);

        // The resident gets the email, sees the request on the status page, and fixes only that answer.
        var correction = await shared.App.WaitForMailAsync("提出先を具体的に書いてください", Ct);
        await resident.GotoAsync(statusUrl);
        Assert.Contains("補正依頼中", await resident.InnerTextAsync("ol.status-steps"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(resident);
        await resident.GotoAsync(new Uri(CorrectionLink().Match(correction).Value).PathAndQuery);
        await Accessibility.AssertNoViolationsAsync(resident);
        Assert.Equal(0, await resident.Locator("input[name='juminhyoCopies']").CountAsync()); // only what was asked
        await resident.FillAsync("[name='purpose']", "年金の手続き（日本年金機構 武蔵野年金事務所）");
        await resident.ClickAsync("form[enctype='multipart/form-data'] button[type=submit]");
        Assert.Contains("補正を受け付けました", await resident.InnerTextAsync("main"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(resident);

        // The clerk sees what changed and sends it for approval.
        await clerk.GotoAsync(caseUrl);
        Assert.Equal("審査中", (await clerk.InnerTextAsync("#case-status")).Trim());
        var answered = await clerk.InnerTextAsync("#history-table tr[data-action='correction-answered']");
        Assert.Contains("年金の手続き", answered, StringComparison.Ordinal);
        Assert.Contains("年金の手続き（日本年金機構 武蔵野年金事務所）", await clerk.InnerTextAsync("#answers"), StringComparison.Ordinal);
        await clerk.FillAsync("#comment", "郵送で交付してよいと考えます");
        await PressAsync(clerk, "#act-submit-for-approval");
        Assert.Equal("決裁中", (await clerk.InnerTextAsync("#case-status")).Trim());

        // Step 1: the 係長 approves. Step 2 (合議): the 課長 sends it back to the previous step.
        var kakaricho = await SignedInAsync("shimin-kakaricho@musashino.example");
        await ApproveAsync(kakaricho, caseUrl, "確認しました");
        var kacho = await SignedInAsync("shimin-kacho@musashino.example");
        await kacho.GotoAsync(caseUrl);
        await kacho.FillAsync("#comment", "郵送先の確認方法を係長に再確認してください");
        await kacho.FocusAsync("#send-back-previous");
        await kacho.Keyboard.PressAsync("Space");
        await PressAsync(kacho, "#act-send-back");
        Assert.Equal("決裁中", (await kacho.InnerTextAsync("#case-status")).Trim());
        Assert.Equal(0, await kacho.Locator("#route .seal").CountAsync()); // the 係長's approval is void: step 1 again

        // The 係長 approves again; the 主幹 approves as 所属管理者; the 課長 is away, so the 課長補佐 approves by 代決.
        await ApproveAsync(kakaricho, caseUrl, "再確認しました");
        var shukan = await SignedInAsync("shimin-shukan@musashino.example");
        await ApproveAsync(shukan, caseUrl, "合議します");
        var hosa = await SignedInAsync("shimin-hosa@musashino.example");
        await hosa.GotoAsync(caseUrl);
        Assert.Equal(0, await hosa.Locator("#act-approve").CountAsync()); // not an approver: only 代決
        await hosa.SelectOptionAsync("#deputyFor", "Approver");
        await hosa.FillAsync("#comment", "課長不在のため代決します");
        await PressAsync(hosa, "#act-approve-as-deputy");
        var seal = await hosa.InnerTextAsync("#route .seal--deputy");
        Assert.Contains("代決", seal, StringComparison.Ordinal);
        Assert.Contains("市民 補佐", seal, StringComparison.Ordinal);
        Assert.Equal(3, await hosa.Locator("#route .seal").CountAsync()); // 係長, 主幹, 課長補佐 (代決); the voided approval is not sealed
        await Accessibility.AssertNoViolationsAsync(hosa);

        // The clerk completes it.
        await clerk.GotoAsync(caseUrl);
        await clerk.FillAsync("#comment", "証明書を郵送しました");
        await PressAsync(clerk, "#act-complete");
        Assert.Equal("完了", (await clerk.InnerTextAsync("#case-status")).Trim());
        await Accessibility.AssertNoViolationsAsync(clerk);

        // The resident's emails and status page show each step.
        var completed = await shared.App.WaitForMailAsync("【完了】", Ct);
        Assert.Contains(receipt, completed, StringComparison.Ordinal);
        await resident.GotoAsync(statusUrl);
        var steps = await resident.Locator("ol.status-steps > li h3").AllInnerTextsAsync();
        string[] expected = ["受付", "審査中", "補正依頼中", "補正済み・審査中", "決裁中", "完了"];
        Assert.Equal(expected, steps.Select(s => s.Split([' ', '\n'])[0]).ToArray());
        Assert.Contains("証明書を郵送しました", await resident.InnerTextAsync("ol.status-steps"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(resident);
    }

    /// <summary>各種証明書の郵送請求 for oneself, from the procedure page to the receipt; returns the receipt number.</summary>
    private static async Task<string> ApplyAsync(IPage page)
    {
        await CasePages.FillCertificateByPostAsync(page);
        return await CasePages.SendAsync(page);
    }

    private static async Task ApproveAsync(IPage page, string caseUrl, string comment)
    {
        await page.GotoAsync(caseUrl);
        await page.FillAsync("#comment", comment);
        await PressAsync(page, "#act-approve");
    }

    private static Task<string> OpenFromInboxAsync(IPage page, string receipt) => CasePages.OpenFromInboxAsync(page, receipt, checkAccessibility: true);

    private static Task PressAsync(IPage page, string selector) => CasePages.PressAsync(page, selector);

    private Task<IPage> SignedInAsync(string email) => shared.Browser.NewStaffPageAsync(shared.App.RootUri!, email);

    [GeneratedRegex(@"https?://[^\s]+/status/[A-Za-z0-9_\-]+")]
    private static partial Regex StatusLink();

    [GeneratedRegex(@"https?://[^\s]+/correct/[A-Za-z0-9_\-]{20,100}")]
    private static partial Regex CorrectionLink();
}
