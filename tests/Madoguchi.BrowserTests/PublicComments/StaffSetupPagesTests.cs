using Madoguchi.Platform.Seeding;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.PublicComments;

/// <summary>
/// The staff set-up pages of issue 7 (public comment editor, report status list, plan import) pass
/// axe-core at desktop width and at 320 px, including the editor with its errors shown. They only read,
/// so they share one app.
/// </summary>
public sealed class StaffSetupPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> Pages = new()
    {
        { "/staff/public-comments/new", 1280 }, { "/staff/public-comments/demo-open/edit", 1280 }, { "/staff/plan/statuses", 1280 }, { "/staff/plan/import", 1280 },
        { "/staff/public-comments/new", 320 }, { "/staff/plan/statuses", 320 },
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IBrowserContext? _signedIn;

    /// <summary>Signs the system administrator in once for the class (signing in per test trips the sign-in rate limit under load).</summary>
    private async Task<IPage> SignedInAsync(int width)
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_signedIn is null)
            {
                var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, width: width, height: 900);
                for (var attempt = 1; ; attempt++)
                {
                    await page.GotoAsync("/staff/sign-in");
                    await page.FillAsync("#email", "admin@musashino.example");
                    await page.FillAsync("#password", DemoSeeder.DemoPassword);
                    await page.ClickAsync("#sign-in-form button[type=submit]");
                    try
                    {
                        await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 45_000 });
                        break;
                    }
                    catch (TimeoutException) when (attempt < 2)
                    {
                        TestContext.Current.SendDiagnosticMessage($"Sign-in did not reach /staff: {page.Url}");
                    }
                }

                _signedIn = page.Context;
                await page.SetViewportSizeAsync(width, 900);
                return page;
            }
        }
        finally
        {
            Gate.Release();
        }

        var next = await _signedIn.NewPageAsync();
        await next.SetViewportSizeAsync(width, 900);
        return next;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task StaffSetupPage_HasNoAxeViolations(string path, int width)
    {
        var page = await SignedInAsync(width);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        if (width == 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }
    }

    [Fact]
    public async Task EditorWithErrors_HasNoAxeViolations_AndPreviewsWithoutSaving()
    {
        var page = await SignedInAsync(1280);
        await page.GotoAsync("/staff/public-comments/new");
        await page.FillAsync("#Slug", "axe-check");
        await page.FillAsync("#Draft", "前置き\n\n## 見出し\n\n本文");
        await page.ClickAsync("#preview-button");
        await page.WaitForSelectorAsync(".error-summary");
        Assert.Contains("## 見出し", await page.InputValueAsync("#Draft"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
