namespace Madoguchi.BrowserTests.Shell;

/// <summary>
/// Every public page passes axe-core at desktop width and at 320 px, without sideways scrolling.
/// axe-core needs JavaScript in the page, so runs without JavaScript exercise the flows instead
/// (the server sends the same HTML either way).
/// </summary>
public sealed class PublicPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string> PublicPages = new() {
        "/", "/accessibility", "/privacy", "/staff/sign-in", "/no-such-page",
        "/procedures", "/procedures?q=%E3%81%94%E3%81%BF", "/procedures/juminhyo-copy", "/procedures/moving-in-advance",
        "/life-events", "/life-events/moving-in", "/life-events/moving-in?checklist=1&children=yes&dog=yes",
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Page_HasNoAxeViolations(string path)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Page_At320px_HasNoAxeViolationsAndNoSidewaysScroll(string path)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, width: 320, height: 640);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
    }

    [Fact]
    public async Task SkipLink_IsFirstTabStop_AndMovesFocusToMain()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!);
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("本文へ移動", (await page.EvaluateAsync<string>("document.activeElement.textContent")).Trim());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task LanguageSwitch_WithoutJavaScript_ShowsEnglishAndRemembersIt()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false);
        await page.GotoAsync("/accessibility");
        await page.ClickAsync("text=English");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("/accessibility", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/");
        Assert.Contains("Musashino City", await page.TextContentAsync("header") ?? "", StringComparison.Ordinal);
    }
}
