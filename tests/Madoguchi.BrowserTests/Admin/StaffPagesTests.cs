using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Admin;

/// <summary>The system admin's pages and the staff directory pass axe-core, at desktop width and at 320 px.</summary>
public sealed class StaffPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> Pages = new()
    {
        { "/staff", 1280 }, { "/staff/directory", 1280 }, { "/staff/admin/api-keys", 1280 }, { "/staff/admin/outbox", 1280 },
        { "/staff/admin/audit", 1280 }, { "/staff/admin/audit?verify=true", 1280 },
        { "/staff/directory", 320 }, { "/staff/admin/api-keys", 320 }, { "/staff/admin/audit?verify=true", 320 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdminPage_HasNoAxeViolations(string path, int width)
    {
        var page = await SignedInAdminAsync(width);
        await page.GotoAsync(path);
        await Accessibility.AssertNoViolationsAsync(page);
        if (width == 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{path} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }
    }

    [Fact]
    public async Task Admin_CreatesAnApiKey_SeesTheSecretOnce_WithTheKeyboardOnly()
    {
        var page = await SignedInAdminAsync(1280);
        await page.GotoAsync("/staff/admin/api-keys");
        await page.FocusAsync("#Name");
        await page.Keyboard.TypeAsync("窓口予約システム連携");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space"); // first scope checkbox
        await page.Locator("form:has(#Name) button[type=submit]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var secret = await page.Locator(".secret").TextContentAsync();
        Assert.StartsWith("mdg_", secret?.Trim(), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/staff/admin/api-keys");
        Assert.Contains("窓口予約システム連携", await page.TextContentAsync("main") ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(secret!.Trim(), await page.ContentAsync(), StringComparison.Ordinal);
    }

    private Task<IPage> SignedInAdminAsync(int width) => shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "admin@musashino.example", width);
}
