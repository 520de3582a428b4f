using Madoguchi.Testing;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Forms;

/// <summary>
/// Issue 3's "done when": a resident finds 転入 in the life-event navigator, opens the procedure,
/// fills the multi-step form with a repeating group, sees and fixes errors, checks the answers,
/// submits and gets a receipt, its PDF and a receipt email — without JavaScript at 320 px, and again with
/// JavaScript where axe-core checks every page on the way.
/// </summary>
public sealed class ApplicationJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MovingIn_WithoutJavaScript_At320px_FromTheNavigatorToAReceiptAndEmail()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!, javaScript: false, width: 320);
        await page.GotoAsync("/life-events");
        await page.ClickAsync("text=引っ越してきた（転入）");
        await page.ClickAsync("text=必要な手続きを表示する");
        await page.ClickAsync("#checklist >> text=転入届の事前申請");
        await page.ClickAsync("text=オンラインで申請する");

        var receipt = await ApplyAsync(page, checkAccessibility: false);

        // 受付控え (PDF): a plain link, so it downloads without JavaScript too.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#receipt-pdf"));
        Assert.Equal($"受付控え_{receipt}.pdf", download.SuggestedFilename);
        var path = await download.PathAsync();
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(path, Ct))[..5]), StringComparison.Ordinal);

        var mail = await app.WaitForMailAsync(receipt, Ct);
        Assert.Contains("taro@example.jp", mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingIn_WithJavaScript_EveryPageOfTheJourneyPassesAxe()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!);
        await page.GotoAsync("/procedures/moving-in-advance");
        await page.ClickAsync("text=オンラインで申請する");

        await ApplyAsync(page, checkAccessibility: true);
    }

    /// <summary>From the start page to the receipt; returns the receipt number.</summary>
    private static async Task<string> ApplyAsync(IPage page, bool checkAccessibility)
    {
        async Task Check()
        {
            if (checkAccessibility)
            {
                await Accessibility.AssertNoViolationsAsync(page);
            }
        }

        await Check();
        await page.ClickAsync("main button:has-text('申請を始める')");
        Assert.Equal("届け出る人", (await page.TextContentAsync("h1"))?.Trim());
        await Check();

        // Errors first: the summary lists them and links to the fields; what was typed stays.
        await page.FillAsync("input[name='name.family']", "武蔵野");
        await page.FillAsync("input[name='email']", "taro@example");
        await Continue(page);
        Assert.True(await page.IsVisibleAsync(".error-summary"));
        Assert.StartsWith("エラー", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("武蔵野", await page.InputValueAsync("input[name='name.family']"));
        Assert.Equal("taro@example", await page.InputValueAsync("input[name='email']"));
        var first = await page.GetAttributeAsync(".error-summary a >> nth=0", "href");
        Assert.Equal(1, await page.Locator(first!).CountAsync());
        await Check();

        await page.FillAsync("input[name='name.given']", "太郎");
        await page.FillAsync("input[name='name.familyKana']", "ムサシノ");
        await page.FillAsync("input[name='name.givenKana']", "タロウ");
        await page.SelectOptionAsync("select[name='dateOfBirth.era']", "平成");
        await page.FillAsync("input[name='dateOfBirth.year']", "2");
        await page.FillAsync("input[name='dateOfBirth.month']", "4");
        await page.FillAsync("input[name='dateOfBirth.day']", "1");
        await page.CheckAsync("input[name='sex'][value='male']");
        await page.FillAsync("input[name='phone']", "0422-60-1800");
        await page.FillAsync("input[name='email']", "taro@example.jp");
        await page.CheckAsync("input[name='myNumberCard'][value='yes']");
        await Continue(page);

        Assert.Equal("前の住所", (await page.TextContentAsync("h1"))?.Trim());
        await page.FillAsync("input[name='previousAddress.postalCode']", "181-0013");
        await page.FillAsync("input[name='previousAddress.address']", "東京都三鷹市下連雀1-2-3");
        await page.FillAsync("input[name='previousHeadOfHousehold']", "武蔵野 太郎");
        await page.CheckAsync("input[name='movedOutNotice'][value='online']");
        await Continue(page);

        Assert.Equal("武蔵野市の新しい住所", (await page.TextContentAsync("h1"))?.Trim());
        await Check();
        // The address comes from the city's postal codes, without JavaScript.
        await page.FillAsync("input[name='newAddress.postalCode']", "180-0001");
        await page.ClickAsync("button:has-text('住所を検索') >> nth=0");
        Assert.Equal("東京都武蔵野市吉祥寺北町", await page.InputValueAsync("input[name='newAddress.address']"));
        await page.FillAsync("input[name='newAddress.address']", "東京都武蔵野市吉祥寺北町1-2-3");
        await page.SelectOptionAsync("select[name='movingDate.era']", "令和");
        await page.FillAsync("input[name='movingDate.year']", "8");
        await page.FillAsync("input[name='movingDate.month']", "12");
        await page.FillAsync("input[name='movingDate.day']", "1");
        await page.CheckAsync("input[name='householdType'][value='new']");
        await page.CheckAsync("input[name='movingWithOthers'][value='yes']");
        await Continue(page);

        // The repeating group: add two people, remove one.
        Assert.Equal("一緒に引っ越す人", (await page.TextContentAsync("h1"))?.Trim());
        await page.ClickAsync("button[value='add:members']");
        await FillMember(page, 0, "武蔵野", "花子", "ムサシノ", "ハナコ", "spouse");
        await page.ClickAsync("button[value='add:members']");
        await FillMember(page, 1, "武蔵野", "次郎", "ムサシノ", "ジロウ", "child");
        await page.ClickAsync("button[value='add:members']");
        Assert.Equal("花子", await page.InputValueAsync("input[name='members[0].name.given']"));
        await page.ClickAsync("button[value='remove:members:2']");
        Assert.Equal(0, await page.Locator("input[name='members[2].name.given']").CountAsync());
        await Check();
        await Continue(page);

        Assert.Equal("来庁の予定", (await page.TextContentAsync("h1"))?.Trim());
        await page.SelectOptionAsync("select[name='visitDate.era']", "令和");
        await page.FillAsync("input[name='visitDate.year']", "9");
        await page.FillAsync("input[name='visitDate.month']", "1");
        await page.FillAsync("input[name='visitDate.day']", "15");
        await page.CheckAsync("input[name='visitTime'][value='morning']");
        await Continue(page);

        await page.CheckAsync("input[name='declaration']");
        await Continue(page);

        Assert.Equal("入力内容の確認", (await page.TextContentAsync("h1"))?.Trim());
        var summary = await page.TextContentAsync("main") ?? "";
        Assert.Contains("ムサシノ", summary, StringComparison.Ordinal);
        Assert.Contains("次郎", summary, StringComparison.Ordinal);
        Assert.Contains("平成2年4月1日", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("新しい住所の世帯主の氏名", summary, StringComparison.Ordinal); // asked only when joining a household
        await Check();

        await page.ClickAsync("button:has-text('同意して送信する')");
        Assert.Equal("申請を受け付けました", (await page.TextContentAsync("h1"))?.Trim());
        var number = (await page.TextContentAsync(".receipt-number"))!.Trim();
        Assert.Matches(@"^MSN-20\d\d-\d{6}$", number);
        await Check();
        return number;
    }

    private static Task Continue(IPage page) => page.ClickAsync("main .button-row button:has-text('次へ進む')");

    private static async Task FillMember(IPage page, int i, string family, string given, string familyKana, string givenKana, string relation)
    {
        await page.FillAsync($"input[name='members[{i}].name.family']", family);
        await page.FillAsync($"input[name='members[{i}].name.given']", given);
        await page.FillAsync($"input[name='members[{i}].name.familyKana']", familyKana);
        await page.FillAsync($"input[name='members[{i}].name.givenKana']", givenKana);
        await page.CheckAsync($"input[name='members[{i}].relation'][value='{relation}']");
        await page.SelectOptionAsync($"select[name='members[{i}].dateOfBirth.era']", "平成");
        await page.FillAsync($"input[name='members[{i}].dateOfBirth.year']", "5");
        await page.FillAsync($"input[name='members[{i}].dateOfBirth.month']", "6");
        await page.FillAsync($"input[name='members[{i}].dateOfBirth.day']", "7");
        await page.CheckAsync($"input[name='members[{i}].hasMyNumberCard'][value='yes']");
    }
}
