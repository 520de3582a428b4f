namespace Madoguchi.BrowserTests.Shell;

/// <summary>
/// The accessibility check itself must fail on a page with a violation, with JavaScript on and off: every "zero
/// violations" assertion of the suite relies on it (and on the cheaper in-page axe run it uses).
/// </summary>
public sealed class AccessibilityCheckTests(Browser browser) : IClassFixture<Browser>
{
    private const string BrokenPage = """
        <!DOCTYPE html><html lang="ja"><head><title>壊れたページ</title></head>
        <body><main><h1>壊れたページ</h1><img src="/photo.png"><input type="text"></main></body></html>
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task APageWithAnUnlabelledImageAndField_FailsTheCheck(bool javaScript)
    {
        var page = await browser.NewPageAsync(new Uri("http://127.0.0.1:9/"), javaScript);
        await page.Context.RouteAsync("**/broken", route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = BrokenPage }));
        await page.GotoAsync("/broken");

        var failure = await Assert.ThrowsAnyAsync<Xunit.Sdk.XunitException>(() => Accessibility.AssertNoViolationsAsync(page));

        Assert.Contains("image-alt", failure.Message, StringComparison.Ordinal);
        Assert.Contains("label", failure.Message, StringComparison.Ordinal);
    }
}
