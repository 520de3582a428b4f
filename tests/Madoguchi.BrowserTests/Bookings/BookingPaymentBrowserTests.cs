using Madoguchi.Bookings.Reservations;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Bookings;

/// <summary>
/// A resident books a room with a fee in Chromium with JavaScript off at 320 px: the booking is 仮予約
/// with its payment deadline, is paid on the simulated gateway, and on return reads 予約確定. A second
/// booking left unpaid lapses (失効). Every new state passes axe-core, staff calendar included.
/// </summary>
public sealed class BookingPaymentBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resident_BooksAPaidRoom_SeesProvisionalWithDeadline_PaysOnTheGateway_AndSeesConfirmed()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(settings: new Dictionary<string, string?> { ["Bookings:MaintenanceEnabled"] = "false" });
        var page = await shared.Browser.NewPageAsync(app.RootUri!, javaScript: false, width: 320);

        await BookAsync(page, "有料 一郎", "paid-room@example.jp", 0);
        Assert.Contains("仮予約を受け付けました", await page.InnerTextAsync("#done"), StringComparison.Ordinal);
        Assert.Equal("provisional", await page.GetAttributeAsync("#status", "data-status"));
        Assert.Contains("仮予約", await page.InnerTextAsync("#status"), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2} まで$", (await page.InnerTextAsync("#pay-by")).Trim());
        await AssertAccessibleAsync(page);
        var manageUrl = page.Url;

        await page.ClickAsync("#pay-online");
        Assert.Contains("/pay/simulated/", page.Url, StringComparison.Ordinal);
        Assert.Contains("900円", await page.InnerTextAsync("#amount"), StringComparison.Ordinal);
        await page.ClickAsync("#pay");
        Assert.Equal("paid", await page.GetAttributeAsync("#payment-status", "data-status"));

        await page.ClickAsync("#return");
        Assert.StartsWith(manageUrl.Split('?')[0], page.Url, StringComparison.Ordinal);
        Assert.Contains("予約が確定しました", await page.InnerTextAsync("#paid"), StringComparison.Ordinal);
        Assert.Equal("confirmed", await page.GetAttributeAsync("#status", "data-status"));
        Assert.Contains("予約確定", await page.InnerTextAsync("#status"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#pay-online").CountAsync());
        await AssertAccessibleAsync(page);

        // A second booking is left unpaid; its deadline passes and the maintenance job lapses it.
        await BookAsync(page, "未払 二郎", "unpaid-room@example.jp", 0);
        var unpaidUrl = page.Url;
        await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            await db.Set<Reservation>().Where(r => r.Email == "unpaid-room@example.jp")
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConfirmBy, DateTime.UtcNow.AddMinutes(-1)), Ct));
        await app.Services.GetRequiredService<BookingsMaintenance>().RunOnceAsync(Ct);
        await page.GotoAsync(unpaidUrl);
        Assert.Equal("lapsed", await page.GetAttributeAsync("#status", "data-status"));
        Assert.Contains("失効", await page.InnerTextAsync("#lapsed"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#pay-online").CountAsync());
        await AssertAccessibleAsync(page);

        // Staff see both states in the calendar.
        var staff = await shared.Browser.NewPageAsync(app.RootUri!, width: 320);
        await staff.GotoAsync("/staff/sign-in");
        await staff.FillAsync("#email", "admin@musashino.example");
        await staff.FillAsync("#password", DemoSeeder.DemoPassword);
        await staff.ClickAsync("#sign-in-form button[type=submit]");
        await staff.WaitForURLAsync("**/staff", new PageWaitForURLOptions { Timeout = 60_000 });
        var week = await app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
            Madoguchi.Bookings.Scheduling.Tokyo.DateOf((await db.Set<Reservation>().SingleAsync(r => r.Email == "unpaid-room@example.jp", Ct)).StartsAt));
        await staff.GotoAsync($"/staff/bookings?resource=civic-hall-japanese-room&week={week:yyyy-MM-dd}");
        Assert.Equal(1, await staff.Locator("td[data-status=lapsed]").CountAsync());
        await AssertAccessibleAsync(staff);
    }

    /// <summary>Books the <paramref name="skip"/>-th free slot of the Japanese-style room at least two days ahead, as a resident.</summary>
    private static async Task BookAsync(IPage page, string name, string email, int skip)
    {
        await page.GotoAsync("/bookings/civic-hall-japanese-room");
        var earliest = DateTimeOffset.UtcNow.AddDays(2);
        ILocator? slot = null;
        for (var week = 0; week < 6 && slot is null; week++)
        {
            var seen = 0;
            foreach (var button in await page.Locator(".slot-list button").AllAsync())
            {
                if (DateTimeOffset.Parse((await button.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture) >= earliest && seen++ == skip)
                {
                    slot = button;
                    break;
                }
            }

            if (slot is null)
            {
                await page.ClickAsync("text=次の週");
            }
        }

        Assert.NotNull(slot);
        await slot.ClickAsync();
        Assert.Contains("/bookings/hold/", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", name);
        await page.FillAsync("#email", email);
        await page.CheckAsync("#category-resident");
        await page.FillAsync("#answer-users", "4");
        await page.FillAsync("#answer-purpose", "茶道の稽古");
        await page.ClickAsync("#confirm-booking");
        Assert.Contains("/bookings/manage/", page.Url, StringComparison.Ordinal);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 320, $"{page.Url} scrolls sideways at 320 px ({scrollWidth} px wide).");
    }
}
