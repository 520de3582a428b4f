using Madoguchi.Cases.Notifications;
using Madoguchi.Platform.Outbox;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Cases;

/// <summary>
/// The staff pages around cases, in one browser run: the case page's 通知 section at 320 px (a sent notice and a failed
/// one with its error explained), the notice templates (list, edit, an unknown placeholder refused, preview) by a system
/// admin with the keyboard, and the online-rate page of 情報政策課. axe-core checks each page and state.
/// </summary>
public sealed class NoticesAndStatisticsPagesTests(BrowserAndApp shared) : IClassFixture<BrowserAndApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoticesOnTheCasePage_TemplatesAndTheOnlineRate_PassAxe_AndTheCasePageFitsAt320px()
    {
        // A clerk accepts a case at 320 px; the "received" notice goes out and is listed as sent.
        var receipt = await CasePages.SubmitTestFormAsync(shared.App, "井の頭");
        var clerk = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "shimin@musashino.example", width: 320);
        var caseUrl = await CasePages.OpenFromInboxAsync(clerk, receipt);
        Assert.Equal(1, await clerk.Locator("#notices-none").CountAsync());
        await CasePages.PressAsync(clerk, "#act-accept");
        await shared.App.WaitForMailAsync("【受理】", Ct);

        // A notice that could not be delivered, as the outbox leaves it after its last attempt.
        await shared.App.InOrganizationAsync("MSN", async (db, _) =>
        {
            var caseId = Guid.Parse(caseUrl.Split('/')[^1].Split('?')[0]);
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(),
                Type = "email",
                Payload = "{}",
                Status = OutboxStatus.DeadLetter,
                Attempts = 5,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
                LastError = "SocketException: Connection refused (mail.example.jp:587)",
            };
            db.OutboxMessages.Add(message);
            db.Add(new CaseNotification
            {
                Id = Guid.NewGuid(),
                CaseId = caseId,
                Kind = NotificationKinds.Completed,
                Language = "ja",
                RecipientMasked = "t***@example.jp",
                OutboxMessageId = message.Id,
                CreatedAt = DateTime.UtcNow.AddMinutes(1),
            });
            return await db.SaveChangesAsync(Ct);
        });

        // Load the page after the insert: the page shown since the accept may already list the received notice as sent
        // (the outbox can deliver before that page renders), and then it predates the failed notice.
        await clerk.GotoAsync(caseUrl);
        var sent = clerk.Locator("#notices-table tr[data-kind='received'][data-state='sent']");
        for (var attempt = 0; attempt < 50 && await sent.CountAsync() == 0; attempt++)
        {
            await Task.Delay(200, Ct);
            await clerk.GotoAsync(caseUrl);
        }

        Assert.Contains("送信済み", await sent.InnerTextAsync(), StringComparison.Ordinal);
        var failed = clerk.Locator("#notices-table tr[data-kind='completed']");
        Assert.Equal("failed", await failed.GetAttributeAsync("data-state"));
        Assert.Contains("メールサーバーに接続できませんでした", await failed.InnerTextAsync(), StringComparison.Ordinal);
        await failed.Locator("details summary").FocusAsync();
        await clerk.Keyboard.PressAsync("Enter"); // the technical details open with the keyboard
        Assert.Contains("Connection refused", await failed.Locator("details").InnerTextAsync(), StringComparison.Ordinal);
        await AssertFitsAsync(clerk, 320);

        // A system admin edits a template with the keyboard: an unknown placeholder is refused, the preview fills sample values.
        var admin = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "admin@musashino.example");
        await admin.GotoAsync("/staff/notices/templates");
        Assert.Equal(10, await admin.Locator("#templates tbody tr").CountAsync());
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.FocusAsync("#edit-reminder-en");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForURLAsync("**/staff/notices/templates/reminder/en");
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.FillAsync("#body", "Please correct {procedure} here: {correctionLink}");
        await admin.FocusAsync("#preview");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync(".error-summary");
        Assert.Contains("{correctionLink}", await admin.InnerTextAsync(".error-summary a[href='#body']"), StringComparison.Ordinal);
        Assert.Equal("Please correct {procedure} here: {correctionLink}", await admin.InputValueAsync("#body"));
        await Accessibility.AssertNoViolationsAsync(admin);

        await admin.FillAsync("#body", "Please correct {procedure} here: {correctionUrl}");
        await admin.FocusAsync("#preview");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync("#preview-result");
        Assert.Contains("https://example.jp/correct/", await admin.InnerTextAsync("#preview-body"), StringComparison.Ordinal);
        await Accessibility.AssertNoViolationsAsync(admin);
        await admin.FocusAsync("#save");
        await admin.Keyboard.PressAsync("Enter");
        await admin.WaitForSelectorAsync("#done");
        await AssertFitsAsync(admin, 1280);

        // 情報政策課 reads the online rate.
        var itPolicy = await shared.Browser.NewStaffPageAsync(shared.App.RootUri!, "itpolicy@musashino.example");
        await itPolicy.FocusAsync("#channels-link");
        await itPolicy.Keyboard.PressAsync("Enter");
        await itPolicy.WaitForURLAsync("**/staff/statistics/channels");
        Assert.Equal("100.0%", (await itPolicy.InnerTextAsync("#channels tr[data-procedure='juminhyo-copy'] [data-col=rate]")).Trim());
        Assert.Equal(1, await itPolicy.Locator("#channels-csv").CountAsync());
        await Accessibility.AssertNoViolationsAsync(itPolicy);
    }

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        await Accessibility.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} scrolls sideways at {width} px ({scrollWidth} px wide).");
    }
}
