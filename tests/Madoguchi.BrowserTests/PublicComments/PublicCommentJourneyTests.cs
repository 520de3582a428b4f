using Madoguchi.Platform.Seeding;
using Madoguchi.PublicComments.Model;
using Madoguchi.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.PublicComments;

/// <summary>
/// A resident sends an opinion during the period (without JavaScript), one after the deadline is
/// refused, staff group, respond and publish, and the published table carries no personal data;
/// every page on the way passes axe-core.
/// </summary>
public sealed class PublicCommentJourneyTests : IAsyncLifetime
{
    private readonly Browser _browser = new();
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        await _browser.InitializeAsync();
        _app = await MadoguchiApp.StartKestrelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _browser.DisposeAsync();
    }

    private static async Task FillOpinionAsync(IPage page, string name, string body)
    {
        await page.FillAsync("#Name", name);
        await page.FillAsync("#Address", "東京都武蔵野市境1-1-1");
        await page.FillAsync("#Email", "sakai@example.jp");
        await page.SelectOptionAsync("#AgeGroup", "30代");
        await page.FillAsync("#Body", body);
    }

    [Fact]
    public async Task Resident_SendsWithoutJavaScript_LateIsRefused_StaffPublish_TableHasNoPersonalData()
    {
        // During the period, JavaScript off: a section's link, the form, the check page, the receipt.
        var noJs = await _browser.NewPageAsync(_app.RootUri!, javaScript: false);
        await noJs.GotoAsync("/public-comments/demo-open");
        await noJs.ClickAsync("#section-2 a");
        await FillOpinionAsync(noJs, "境 三郎", "書かない窓口を全ての窓口に広げてほしい。");
        await noJs.ClickAsync("#confirm-button");
        await Assertions.Expect(noJs.Locator("#confirm")).ToContainTextAsync("待たない・書かない窓口");
        await noJs.ClickAsync("#send-button");
        await Assertions.Expect(noJs.Locator("#receipt")).ToHaveTextAsync("TR-0001");

        // With JavaScript, for axe: the same pages pass.
        var page = await _browser.NewPageAsync(_app.RootUri!);
        foreach (var path in new[] { "/public-comments", "/public-comments/demo-open", "/public-comments/dx-plan-draft", "/public-comments/dx-plan-draft/results" })
        {
            await page.GotoAsync(path);
            await Accessibility.AssertNoViolationsAsync(page);
        }

        await page.GotoAsync("/public-comments/demo-open/opinion");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.ClickAsync("#confirm-button"); // empty: the error summary
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await FillOpinionAsync(page, "境 四郎", "オンライン申請の入力項目を減らしてほしい。");
        await page.ClickAsync("#confirm-button");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.DblClickAsync("#send-button"); // a double click sends once
        await Assertions.Expect(page.Locator("#receipt")).ToHaveTextAsync("TR-0002");
        await Accessibility.AssertNoViolationsAsync(page);

        // After the deadline: refused, with the deadline in Japan time.
        await noJs.GotoAsync("/public-comments/dx-plan-draft/opinion");
        await Assertions.Expect(noJs.Locator("#refusal")).ToContainTextAsync("令和8年1月5日（月） 23:59（日本時間）");
        await page.GotoAsync("/public-comments/dx-plan-draft/opinion");
        await Accessibility.AssertNoViolationsAsync(page);

        var opinions = await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, (db, _) => db.Set<Opinion>().CountAsync(o => o.ReceiptNumber.StartsWith("TR-")));
        Assert.Equal(2, opinions);

        // The period closes; staff answer afterwards and publish.
        await _app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (db, _) =>
        {
            var process = await db.Set<PublicCommentProcess>().SingleAsync(p => p.Slug == "demo-open");
            process.ReceivedBy = DateOnly.FromDateTime(PublicCommentProcess.ToJapan(DateTime.UtcNow)).AddDays(-1);
            return await db.SaveChangesAsync();
        });
        var staff = await _browser.NewPageAsync(_app.RootUri!);
        await staff.GotoAsync("/staff/sign-in");
        await staff.FillAsync("#email", "itpolicy@musashino.example");
        await staff.FillAsync("#password", DemoSeeder.DemoPassword);
        await staff.ClickAsync("#sign-in-form button[type=submit]");
        await staff.WaitForURLAsync("**/staff");
        await staff.GotoAsync("/staff/public-comments");
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.GotoAsync("/staff/public-comments/demo-open");
        await Assertions.Expect(staff.Locator("#opinions")).ToContainTextAsync("境 三郎");
        await Accessibility.AssertNoViolationsAsync(staff);

        foreach (var (sequence, summary, response) in new[]
        {
            (1, "書かない窓口を広げてほしい。", "令和8年度から対象の窓口を順に広げます。"),
            (2, "オンライン申請の入力項目を減らしてほしい。", "入力項目を見直し、市が持っている情報は再び求めないようにします。"),
        })
        {
            await staff.GotoAsync($"/staff/public-comments/demo-open/opinions/{sequence}");
            await Accessibility.AssertNoViolationsAsync(staff);
            await staff.FillAsync("#PublicSummary", summary);
            await staff.FillAsync("#CityResponse", response);
            await staff.ClickAsync("#save-opinion");
            await staff.WaitForURLAsync("**/staff/public-comments/demo-open?done=opinion-saved");
        }

        await staff.ClickAsync("#publish-button");
        await Assertions.Expect(staff.Locator("#published")).ToBeVisibleAsync();

        var visitor = await _browser.NewPageAsync(_app.RootUri!);
        await visitor.GotoAsync("/public-comments/demo-open/results");
        await Assertions.Expect(visitor.Locator("#results")).ToContainTextAsync("市が持っている情報は再び求めない");
        await Accessibility.AssertNoViolationsAsync(visitor);
        var html = await visitor.ContentAsync();
        foreach (var personal in new[] { "境 三郎", "境 四郎", "境1-1-1", "sakai@example.jp", "30代", "書かない窓口を全ての窓口に広げてほしい。" })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }
    }
}
