using Madoguchi.Testing;

namespace Madoguchi.BrowserTests.Procedures;

/// <summary>A resident finds what to do after moving in, in a real browser with JavaScript off.</summary>
public sealed class LifeEventNavigatorTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task MovingIn_WithoutJavaScript_GivesAChecklistThatLinksToTheProcedures()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync();
        var page = await browser.NewPageAsync(app.RootUri!, javaScript: false);
        await page.GotoAsync("/");
        await page.ClickAsync("main >> text=ライフイベントから探す");
        await page.ClickAsync("text=引っ越してきた（転入）");
        await page.CheckAsync("#children-yes");
        await page.CheckAsync("#dog-yes");
        await page.CheckAsync("#nursery-no");
        await page.CheckAsync("#nhi-no");
        await page.CheckAsync("#care-no");
        await page.ClickAsync("text=必要な手続きを表示する");
        var items = await page.Locator("#checklist li a").AllTextContentsAsync();
        Assert.Contains("児童手当の認定請求", items);
        Assert.Contains("犬の登録", items);
        Assert.DoesNotContain("保育所等の入所申込", items);
        await page.ClickAsync("#checklist >> text=犬の登録");
        Assert.Equal("犬の登録", await page.TextContentAsync("h1"));
    }
}
