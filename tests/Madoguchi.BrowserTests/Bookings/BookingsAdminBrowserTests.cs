using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Bookings;

/// <summary>
/// The staff pages that set up bookings (resources and lotteries) pass axe-core and fit 320 px, and a
/// journey: a 市民課 approver creates a counter with JavaScript off, and a resident then finds it on
/// /bookings. One shared app: the journey only adds a resource of its own.
/// </summary>
public sealed class BookingsAdminBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> AdminPages = new()
    {
        { "/staff/bookings/resources", 1280 }, { "/staff/bookings/resources", 320 },
        { "/staff/bookings/resources/new", 320 },
        { "/staff/bookings/resources/moving-in-visit/edit", 1280 }, { "/staff/bookings/resources/civic-hall-meeting-1/edit", 320 },
        { "/staff/bookings/lotteries/new", 1280 }, { "/staff/bookings/lotteries/new", 320 },
    };

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AdminPage_HasNoAxeViolations_AndFits(string path, int width)
    {
        var page = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "admin@musashino.example", width);
        await page.GotoAsync(path);
        await AssertAccessibleAsync(page, width);
    }

    [Fact]
    public async Task Approver_CreatesACounter_WithoutJavaScript_And_AResidentSeesItOnBookings()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await SignInAsync(page, "shimin-kacho@musashino.example");
        await page.GotoAsync("/staff/bookings/resources");
        await page.ClickAsync("#new-resource");
        Assert.EndsWith("/staff/bookings/resources/new", page.Url, StringComparison.Ordinal);

        // A first submit with mistakes: the summary names them, the page keeps what was typed and passes axe.
        await page.FillAsync("#Slug", "juminhyo-visit");
        await page.FillAsync("#NameJa", "住民票の写しの交付（予約窓口）");
        await page.FillAsync("#Capacity", "二");
        await page.ClickAsync("#resource-form button[type=submit]");
        Assert.Contains("「名称（英語）」を入力してください。", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        Assert.Equal("住民票の写しの交付（予約窓口）", await page.InputValueAsync("#NameJa"));
        await AssertAccessibleAsync(page, 320);

        await page.FillAsync("#NameEn", "Copies of the residence record (booked counter)");
        await page.FillAsync("#LocationJa", "市役所本庁舎1階 市民課 7番");
        await page.FillAsync("#LocationEn", "City Hall main building, 1st floor, Citizen Services desk 7");
        await page.FillAsync("#Capacity", "2");
        await page.CheckAsync("#IsPublished");
        await page.ClickAsync("#resource-form button[type=submit]");
        Assert.EndsWith("/staff/bookings/resources/juminhyo-visit/edit?done=created", page.Url, StringComparison.Ordinal);
        Assert.Contains("追加しました", await page.InnerTextAsync("#saved"), StringComparison.Ordinal);

        var resident = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await resident.GotoAsync("/bookings");
        await resident.ClickAsync("text=住民票の写しの交付（予約窓口）");
        Assert.Equal("住民票の写しの交付（予約窓口）", (await resident.TextContentAsync("h1"))?.Trim());
        for (var week = 0; week < 3 && await resident.Locator(".slot-list button").CountAsync() == 0; week++)
        {
            await resident.ClickAsync("text=次の週");
        }

        Assert.True(await resident.Locator(".slot-list button").CountAsync() > 0);
    }

    private static async Task AssertAccessibleAsync(IPage page, int width)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        if (width == 320)
        {
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= 320, $"{page.Url} scrolls sideways at 320 px ({scrollWidth} px wide).");
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 60_000 });
    }
}
