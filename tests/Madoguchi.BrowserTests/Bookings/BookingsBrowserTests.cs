using System.Diagnostics;
using System.Text.Json;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Bookings;

/// <summary>
/// A resident books, changes and cancels a counter visit in Chromium with JavaScript off at 320 px; every
/// page passes axe-core; the .ics the app serves is read by an independent parser (Mozilla's ical.js,
/// run by Node) and shows the change (SEQUENCE) and the cancellation (METHOD:CANCEL).
/// </summary>
public sealed class BookingsBrowserTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    public static readonly TheoryData<string, int> PublicPages = new()
    {
        { "/bookings", 1280 }, { "/bookings", 320 },
        { "/bookings/moving-in-visit", 1280 }, { "/bookings/civic-hall-meeting-1", 320 }, { "/bookings/childcare-consultation", 320 },
        { "/bookings/childcare-consultation/waitlist?start=2027-01-06T09:00:00%2B09:00", 320 },
        { "/bookings/groups/register", 320 },
    };

    public static readonly TheoryData<string, int> StaffPages = new()
    {
        { "/staff/bookings", 1280 }, { "/staff/bookings?resource=civic-hall-meeting-1", 320 }, { "/staff/bookings/lotteries", 320 },
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task PublicBookingPage_HasNoAxeViolations_AndFits(string path, int width)
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: width);
        await page.GotoAsync(path);
        await AssertAccessibleAsync(page, width);
    }

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task StaffBookingPage_HasNoAxeViolations_AndFits(string path, int width)
    {
        var page = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "admin@musashino.example", width);
        await page.GotoAsync(path);
        await AssertAccessibleAsync(page, width);
    }

    [Fact]
    public async Task RegisteredGroup_AppliesToTheDemoLottery_WithoutJavaScript_At320px()
    {
        var page = await shared.Browser.NewPageAsync(shared.App.RootUri!, javaScript: false, width: 320);
        await page.GotoAsync("/bookings");
        await page.ClickAsync("#lotteries ~ ul a");
        Assert.Contains("/bookings/lotteries/", page.Url, StringComparison.Ordinal);
        Assert.Equal(64, (await page.TextContentAsync("#commitment"))!.Trim().Length);
        await AssertAccessibleAsync(page, 320);
        await page.FillAsync("#group-number", "G-0001");
        await page.FillAsync("#group-password", DemoSeeder.DemoPassword);
        await page.SelectOptionAsync("#wish-1", new SelectOptionValue { Index = 1 });
        await page.SelectOptionAsync("#wish-2", new SelectOptionValue { Index = 2 });
        await page.ClickAsync("#apply-lottery");
        Assert.Contains("2件の希望で申し込みました", await page.InnerTextAsync("#message"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, 320);
    }

    [Fact]
    public async Task Resident_BooksChangesAndCancels_WithoutJavaScript_At320px()
    {
        await using var app = await MadoguchiApp.StartKestrelAsync(settings: new Dictionary<string, string?> { ["Bookings:MaintenanceEnabled"] = "false" });
        var page = await shared.Browser.NewPageAsync(app.RootUri!, javaScript: false, width: 320);
        await page.GotoAsync("/bookings");
        await AssertAccessibleAsync(page, 320);
        await page.ClickAsync("text=転入・転居の手続き（市民課窓口の来庁予約）");
        Assert.Equal("転入・転居の手続き（市民課窓口の来庁予約）", (await page.TextContentAsync("h1"))?.Trim());
        await AssertAccessibleAsync(page, 320);

        // The first free slot at least two days ahead (this week or a following one): a slot later today would be
        // past its change deadline (2 hours before) by the time the test changes it, and then offers no change.
        var earliest = DateTimeOffset.UtcNow.AddDays(2);
        ILocator? slot = null;
        for (var week = 0; week < 4 && slot is null; week++)
        {
            foreach (var button in await page.Locator(".slot-list button").AllAsync())
            {
                if (DateTimeOffset.Parse((await button.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture) >= earliest)
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
        var chosen = (await slot.GetAttributeAsync("value"))!;
        await slot.ClickAsync();
        Assert.Contains("/bookings/hold/", page.Url, StringComparison.Ordinal);
        var holdUrl = page.Url;
        Assert.NotNull(await page.QuerySelectorAsync("#hold-notice"));
        await AssertAccessibleAsync(page, 320);

        // A first submit with a mistake: the error summary names the field.
        await page.FillAsync("#name", "武蔵野 一郎");
        await page.FillAsync("#email", "ichiro-at-example");
        await page.FillAsync("#answer-people", "2");
        await page.ClickAsync("#confirm-booking");
        Assert.Contains("メールアドレスの形式", await page.InnerTextAsync(".error-summary"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, 320);
        await page.FillAsync("#email", "ichiro@example.jp");
        await page.ClickAsync("#confirm-booking");
        Assert.Contains("/bookings/manage/", page.Url, StringComparison.Ordinal);
        Assert.Contains("予約が完了しました", await page.InnerTextAsync("#done"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, 320);
        var reference = (await page.TextContentAsync("#reference"))!.Trim();

        // The visit is for 転入: the page offers to prepare the application online first (書かない窓口).
        Assert.Equal("/apply/moving-in-advance", await page.GetAttributeAsync("#prepare-link", "href"));
        var booked = await IcsAsync(page);
        Assert.Equal("REQUEST", booked.GetProperty("method").GetString());
        Assert.Equal("CONFIRMED", booked.GetProperty("status").GetString());
        Assert.Equal(0, booked.GetProperty("sequence").GetInt32());
        Assert.Equal("Asia/Tokyo", booked.GetProperty("tzid").GetString());
        Assert.Contains("Asia/Tokyo", booked.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
        Assert.Equal(DateTimeOffset.Parse(chosen, System.Globalization.CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), booked.GetProperty("start").GetString());

        // Opening the hold page again (the back button, a second tab) shows the same booking, never a new form.
        await page.GotoAsync(holdUrl);
        Assert.Contains("/bookings/manage/", page.Url, StringComparison.Ordinal);
        Assert.Equal(reference, (await page.TextContentAsync("#reference"))!.Trim());

        // Change to another time.
        var manageUrl = page.Url;
        // To the latest time offered (the page offers the next 30 free times): never one later today, which could be
        // past its cancel deadline (2 hours before) by the time the test cancels.
        var offered = page.Locator("#change ~ form button[name=start]");
        Assert.True(await offered.CountAsync() > 0);
        var other = offered.Last;
        Assert.True(DateTimeOffset.Parse((await other.GetAttributeAsync("value"))!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(3));
        await other.ClickAsync();
        Assert.Contains("日時を変更しました", await page.InnerTextAsync("#message"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page, 320);
        var changed = await IcsAsync(page);
        Assert.Equal(booked.GetProperty("uid").GetString(), changed.GetProperty("uid").GetString());
        Assert.Equal(1, changed.GetProperty("sequence").GetInt32());
        Assert.NotEqual(booked.GetProperty("start").GetString(), changed.GetProperty("start").GetString());

        // Cancel.
        await page.ClickAsync("#cancel-booking");
        Assert.Contains("予約を取り消しました", await page.InnerTextAsync("#message"), StringComparison.Ordinal);
        Assert.Equal("取消済み", (await page.TextContentAsync("#status"))?.Trim());
        await AssertAccessibleAsync(page, 320);
        var cancelled = await IcsAsync(page);
        Assert.Equal("CANCEL", cancelled.GetProperty("method").GetString());
        Assert.Equal("CANCELLED", cancelled.GetProperty("status").GetString());
        Assert.Equal(2, cancelled.GetProperty("sequence").GetInt32());
        Assert.Equal(booked.GetProperty("uid").GetString(), cancelled.GetProperty("uid").GetString());
        Assert.StartsWith(app.RootUri!.ToString().TrimEnd('/'), manageUrl, StringComparison.Ordinal);
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

    /// <summary>Downloads the page's .ics link and reads it with ical.js (not the library that wrote it).</summary>
    private static async Task<JsonElement> IcsAsync(IPage page)
    {
        var href = await page.GetAttributeAsync("#ics-link", "href");
        var response = await page.APIRequest.GetAsync(href!);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/calendar", response.Headers["content-type"], StringComparison.Ordinal);
        return ParseWithIcalJs(await response.TextAsync());
    }

    private static readonly SemaphoreSlim NpmGate = new(1, 1);

    private static JsonElement ParseWithIcalJs(string ics)
    {
        var folder = Path.Combine(Repository.Root, "tests", "Madoguchi.BrowserTests", "Bookings", "ical");
        NpmGate.Wait();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "ical.js")))
            {
                Run(folder, "npm", "ci --no-audit --no-fund", null);
            }
        }
        finally
        {
            NpmGate.Release();
        }

        return JsonDocument.Parse(Run(folder, "node", "parse-ics.mjs", ics)).RootElement.Clone();
    }

    private static string Run(string folder, string file, string arguments, string? input)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
        }

        process.StandardInput.Close();
        // Both streams at once: reading one to its end while the other fills its pipe would hang.
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        var error = errorTask.GetAwaiter().GetResult();
        Assert.True(process.WaitForExit(120_000), $"{file} {arguments} did not finish.");
        Assert.True(process.ExitCode == 0, $"{file} {arguments} failed: {error}\n{input}");
        return output;
    }
}
