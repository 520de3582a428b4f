using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Accounts;

/// <summary>
/// 住民アカウント (ADR 0011) in Chromium: a resident signs in through the emailed link from the header, sets
/// their profile (fixing a furigana error, at 320 px), applies for 各種証明書の郵送請求 and finds their name,
/// address, phone and email already filled in, submits, and finds the application with its status on My
/// page; with notices set to "My page only", the 受理 notice appears there and is not emailed. axe-core
/// checks every account page.
/// </summary>
public sealed class CitizenAccountBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private const string Email = "hanako.account@example.jp";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resident_SignsInByEmailLink_SetsTheProfile_AppliesPrefilled_AndFollowsTheApplicationOnMyPage()
    {
        var app = shared.App;
        var page = await shared.Browser.NewPageAsync(app.RootUri!, width: 320, height: 800);

        // Sign in from the header, by keyboard.
        await page.GotoAsync("/");
        await page.FocusAsync("header a[href='/account/sign-in']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/account/sign-in");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("#account-sign-in button[type=submit]");
        Assert.Contains("メールアドレスを入力してください", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.FillAsync("#email", Email);
        await page.ClickAsync("#account-sign-in button[type=submit]");
        await page.WaitForURLAsync("**/account/check-email");
        await Accessibility.AssertNoViolationsAsync(page);

        var link = Assert.Single(await CitizenSignIn.LinksAsync(app, Email));
        await page.GotoAsync(link);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("#account-confirm button[type=submit]");
        await page.WaitForURLAsync("**/account/applications");
        Assert.Contains(Email, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("header a[href='/account/applications']").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page);

        // The profile, at 320 px: a furigana in romaji is refused with the field error, the rest kept.
        await page.ClickAsync("a[href='/account/profile']");
        await page.FillAsync("#f-name-family", "吉祥寺");
        await page.FillAsync("#f-name-given", "花子");
        await page.FillAsync("#f-name-familyKana", "Kichijoji");
        await page.FillAsync("#f-name-givenKana", "はなこ");
        await page.FillAsync("#f-address-postalCode", "1800004");
        await page.FillAsync("#f-address-address", "東京都武蔵野市吉祥寺本町1-2-3");
        await page.FillAsync("#f-phone", "0422-51-5131");
        await page.CheckAsync("#f-channel-in-app");
        await page.ClickAsync("#account-profile button[type=submit]");
        Assert.Contains("カタカナ", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("東京都武蔵野市吉祥寺本町1-2-3", await page.InputValueAsync("#f-address-address"));
        Assert.True(await page.IsCheckedAsync("#f-channel-in-app"));
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"The profile page scrolls sideways at 320 px ({scrollWidth} px wide).");
        await page.ClickAsync(".error-summary a");
        await page.FillAsync("#f-name-familyKana", "キチジョウジ");
        await page.ClickAsync("#account-profile button[type=submit]");
        Assert.Contains("保存しました", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("ハナコ", await page.InputValueAsync("#f-name-givenKana"));
        await Accessibility.AssertNoViolationsAsync(page);

        // Apply: what the profile knows is already there; the resident adds the rest.
        var receipt = await ApplyAsync(page);

        // My page: the application with its status, and (after the department accepts it) the notice, not emailed.
        await page.GotoAsync("/account/applications");
        var row = await page.InnerTextAsync($"#submitted-applications tr:has-text('{receipt}')");
        Assert.Contains("各種証明書の郵送請求", row, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        var clerk = await shared.Browser.NewStaffPageAsync(app.RootUri!, "shimin@musashino.example");
        await AcceptAsync(clerk, receipt);
        await page.GotoAsync("/account/applications");
        Assert.Contains("審査中", await page.InnerTextAsync($"#submitted-applications tr:has-text('{receipt}')"), StringComparison.Ordinal);
        var notices = await page.InnerTextAsync(".notice-list");
        Assert.Contains("受理", notices, StringComparison.Ordinal);
        Assert.Contains(receipt, notices, StringComparison.Ordinal);
        Assert.Contains("このページでのみお知らせ", notices, StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
        var mails = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            (await db.OutboxMessages.Where(m => m.Type == EmailOutboxHandler.MessageType).ToListAsync(Ct)).Select(Outbox.Read<EmailMessage>).Where(m => m.To == Email).ToList());
        Assert.Contains(mails, m => m.TextBody.Contains(receipt, StringComparison.Ordinal)); // the receipt email still goes
        Assert.DoesNotContain(mails, m => m.Subject.Contains("受理", StringComparison.Ordinal));

        // The status link on My page opens the application's status page; then sign out from the header.
        await page.ClickAsync($"a[aria-label*='{receipt}']");
        await page.WaitForURLAsync("**/status/**");
        await page.ClickAsync("header form[action='/account/sign-out'] button");
        await page.GotoAsync("/account/applications");
        await page.WaitForURLAsync("**/account/sign-in**");
        await page.GotoAsync("/account/sign-out");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>各種証明書の郵送請求 for oneself; name, address, phone and email come from the profile. Returns the receipt number.</summary>
    private static async Task<string> ApplyAsync(IPage page)
    {
        await page.GotoAsync("/apply/certificate-by-post");
        Assert.Contains("プロフィール", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.ClickAsync("main button:has-text('申請を始める')");
        Assert.Equal("吉祥寺", await page.InputValueAsync("input[name='name.family']"));
        Assert.Equal("ハナコ", await page.InputValueAsync("input[name='name.givenKana']"));
        Assert.Equal("180-0004", await page.InputValueAsync("input[name='address.postalCode']"));
        Assert.Equal("東京都武蔵野市吉祥寺本町1-2-3", await page.InputValueAsync("input[name='address.address']"));
        Assert.Equal("0422-51-5131", await page.InputValueAsync("input[name='phone']"));
        Assert.Equal(Email, await page.InputValueAsync("input[name='email']"));

        await page.CheckAsync("input[name='requesterType'][value='self']");
        await page.SelectOptionAsync("select[name='dateOfBirth.era']", "昭和");
        await page.FillAsync("input[name='dateOfBirth.year']", "60");
        await page.FillAsync("input[name='dateOfBirth.month']", "5");
        await page.FillAsync("input[name='dateOfBirth.day']", "20");
        await Continue(page);

        await page.CheckAsync("input[name='kinds'][value='juminhyo']");
        await page.FillAsync("input[name='juminhyoCopies']", "1");
        await page.FillAsync("[name='purpose']", "年金の手続き");
        await Continue(page);

        await page.SetInputFilesAsync("input[name='identityDocument']", new FilePayload { Name = "license.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n% 運転免許証の写し\n%%EOF\n"u8.ToArray() });
        await page.CheckAsync("input[name='mailTo'][value='registered']");
        await Continue(page);

        await page.CheckAsync("input[name='payment'][value='moneyOrder']");
        await page.CheckAsync("input[name='postage'][value='ordinary']");
        await Continue(page);

        await page.CheckAsync("input[name='declaration']");
        await page.CheckAsync("input[name='legitimateUse']");
        await Continue(page);

        await page.ClickAsync("button:has-text('同意して送信する')");
        var number = (await page.TextContentAsync(".receipt-number"))!.Trim();
        Assert.Matches(@"^MSN-20\d\d-\d{6}$", number);
        return number;
    }

    private static async Task Continue(IPage page)
    {
        await page.ClickAsync("main .button-row button:has-text('次へ進む')");
        Assert.False(await page.IsVisibleAsync(".error-summary"), "The step was refused: " + await page.InnerTextAsync("main"));
    }

    /// <summary>市民課's clerk waits for the case in the inbox (the outbox opens it within seconds) and accepts it (受理).</summary>
    private static async Task AcceptAsync(IPage clerk, string receipt)
    {
        var link = clerk.Locator($"#cases tr[data-receipt='{receipt}'] a");
        for (var attempt = 0; attempt < 60 && await link.CountAsync() == 0; attempt++)
        {
            await clerk.GotoAsync("/staff/cases");
            if (await link.CountAsync() == 0)
            {
                await Task.Delay(500, Ct);
            }
        }

        await link.ClickAsync();
        await clerk.WaitForURLAsync("**/staff/cases/*");
        await clerk.FocusAsync("#act-accept");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.WaitForSelectorAsync("#done");
    }
}
