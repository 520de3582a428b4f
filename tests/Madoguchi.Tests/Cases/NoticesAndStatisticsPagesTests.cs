using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madoguchi.Cases.Notifications;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Outbox;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Cases;

/// <summary>
/// The staff pages around cases that are not the inbox: the 通知 section of the case page (each notice's delivery
/// state in plain words), the notice templates (who may edit, validation, preview, two editors at once, audit, and
/// the next notice using the new wording), and the online-rate page with its CSV — as a browser without JavaScript uses them.
/// </summary>
public sealed class NoticesAndStatisticsPagesTests : IAsyncLifetime
{
    private const string Admin = "admin@musashino.example";
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(_app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

    private static bool IsAccessDenied(HttpResponseMessage r) =>
        r.StatusCode == HttpStatusCode.Forbidden
        || (r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/staff/access-denied", StringComparison.Ordinal));

    [Fact]
    public async Task CasePage_ListsEachNotice_WithItsDeliveryStateAndTheLastErrorInPlainWords_RecipientMasked()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var receipt = await SubmitAsync(_app);
        var id = (await WaitForCaseAsync(shimin, receipt))["id"]!.GetValue<string>();
        var before = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
        Assert.NotNull(before.QuerySelector("#notices #notices-none"));

        // 受理 queues the "received" notice; the outbox delivers it.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(shimin, id, "accept")).StatusCode);
        await _app.WaitForMailAsync("【受理】", Ct);

        // A second notice whose delivery failed for good (as the outbox leaves it after its last attempt).
        var email = await _app.InOrganizationAsync("MSN", async (db, _) =>
        {
            var caseId = Guid.Parse(id);
            var sent = await db.Set<CaseNotification>().SingleAsync(n => n.CaseId == caseId, Ct);
            var message = new OutboxMessage
            {
                Id = Guid.NewGuid(),
                Type = "email",
                Payload = "{}",
                Status = OutboxStatus.DeadLetter,
                Attempts = 5,
                CreatedAt = DateTime.UtcNow,
                NextAttemptAt = DateTime.UtcNow,
                LastError = "SmtpCommandException: 5.1.1 <taro.musashi@example.jp>: Recipient address rejected: User unknown in virtual mailbox table",
            };
            db.OutboxMessages.Add(message);
            db.Add(new CaseNotification
            {
                Id = Guid.NewGuid(),
                CaseId = caseId,
                Kind = NotificationKinds.Completed,
                Language = "ja",
                RecipientMasked = sent.RecipientMasked,
                OutboxMessageId = message.Id,
                CreatedAt = DateTime.UtcNow.AddMinutes(1),
            });
            await db.SaveChangesAsync(Ct);
            return sent.RecipientMasked;
        });

        IDocument page = null!;
        for (var attempt = 0; attempt < 50; attempt++)
        {
            page = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}");
            if (page.QuerySelector("#notices-table tr[data-kind='received'][data-state='sent']") is not null)
            {
                break;
            }

            await Task.Delay(200, Ct);
        }

        var received = page.QuerySelector("#notices-table tr[data-kind='received']")!;
        Assert.Equal("sent", received.GetAttribute("data-state"));
        Assert.Contains("受理", received.TextContent, StringComparison.Ordinal);
        Assert.Contains("メール", received.TextContent, StringComparison.Ordinal);
        Assert.Contains("送信済み", received.TextContent, StringComparison.Ordinal);
        Assert.Matches(@"^.\*\*\*@", received.QuerySelector(".notice-recipient")!.TextContent.Trim());
        Assert.Equal(email, received.QuerySelector(".notice-recipient")!.TextContent.Trim());

        var failed = page.QuerySelector("#notices-table tr[data-kind='completed']")!;
        Assert.Equal("failed", failed.GetAttribute("data-state"));
        Assert.Contains("送信失敗（5回試して中止）", failed.TextContent, StringComparison.Ordinal);
        Assert.Contains("宛先のメールアドレスが受け付けられませんでした", failed.QuerySelector(".notice-error")!.TextContent, StringComparison.Ordinal);
        // The technical text is there for the IT policy division, without the full address.
        Assert.Contains("Recipient address rejected", failed.QuerySelector(".notice-error details")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("taro.musashi@", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("t***@example.jp", failed.QuerySelector(".notice-error details")!.TextContent, StringComparison.Ordinal);

        var english = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{id}?culture=en&ui-culture=en");
        var failedEn = english.QuerySelector("#notices-table tr[data-kind='completed']")!;
        Assert.Contains("Failed (gave up after 5 attempts)", failedEn.TextContent, StringComparison.Ordinal);
        Assert.Contains("The recipient's address was refused", failedEn.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Templates_OnlySystemAdmins_ValidatePlaceholdersInBothLanguages_Preview_Save_Audit_AndTheNextNoticeUsesIt()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        using var itPolicy = await StaffSignIn.SignedInClientAsync(_app, ItPolicy);
        foreach (var client in new[] { shimin, itPolicy })
        {
            Assert.True(IsAccessDenied(await GetAsync(client, "/staff/notices/templates")));
            Assert.True(IsAccessDenied(await GetAsync(client, "/staff/notices/templates/received/ja")));
        }

        using var admin = await StaffSignIn.SignedInClientAsync(_app, Admin);
        var home = await StaffSession.GetPageAsync(admin, "/staff");
        Assert.NotNull(home.QuerySelector("#admin-menu a[href='/staff/notices/templates']"));
        var list = await StaffSession.GetPageAsync(admin, "/staff/notices/templates");
        Assert.Equal(10, list.QuerySelectorAll("#templates tbody tr").Length); // 5 kinds × 日本語/English
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(admin, "/staff/notices/templates/unknown/ja")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(admin, "/staff/notices/templates/received/fr")).StatusCode);

        var edit = await StaffSession.GetPageAsync(admin, "/staff/notices/templates/received/ja");
        var original = ((IHtmlInputElement)edit.QuerySelector("#subject")!).Value;
        Assert.Contains("{receiptNumber}", original, StringComparison.Ordinal);
        Assert.Contains("{statusUrl}", edit.QuerySelector("#placeholders")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("{correctionUrl}", edit.QuerySelector("#placeholders")!.TextContent, StringComparison.Ordinal); // not filled for 受理

        // An unknown placeholder (and one this kind cannot fill): field errors, the typed text kept, nothing saved.
        const string typedBody = "{procedure} を受理しました。{receiptnumber} 補正: {correctionUrl}";
        var bad = await Html.ParseAsync(await Html.SubmitAsync(admin, edit, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【受理】{procedure}",
            ["body"] = typedBody,
            ["intent"] = "save",
        }));
        var error = bad.QuerySelector(".error-summary a[href='#body']")!.TextContent;
        Assert.Contains("使えない差し込み項目", error, StringComparison.Ordinal);
        Assert.Contains("{receiptnumber}", error, StringComparison.Ordinal);
        Assert.Contains("{correctionUrl}", error, StringComparison.Ordinal);
        Assert.NotNull(bad.QuerySelector(".form-group--error #body"));
        Assert.Equal(typedBody, bad.QuerySelector("#body")!.TextContent);
        Assert.Equal("【受理】{procedure}", ((IHtmlInputElement)bad.QuerySelector("#subject")!).Value);
        Assert.StartsWith("エラー", bad.Title, StringComparison.Ordinal);
        var stored = await _app.InOrganizationAsync("MSN", (db, _) => db.Set<NotificationTemplate>().SingleAsync(t => t.Kind == "received" && t.Language == "ja", Ct));
        Assert.Equal(original, stored.Subject);

        await GetAsync(admin, "/language/en"); // the language switcher's cookie: the post is answered in English too
        var badEn = await Html.ParseAsync(await Html.SubmitAsync(admin, await StaffSession.GetPageAsync(admin, "/staff/notices/templates/received/en"),
            "#template-form", new Dictionary<string, string> { ["subject"] = "Received {nope}", ["body"] = "Hello {procedure}", ["intent"] = "save" }));
        Assert.Contains("placeholder this notice cannot fill: {nope}", badEn.QuerySelector(".error-summary a[href='#subject']")!.TextContent, StringComparison.Ordinal);

        await GetAsync(admin, "/language/ja");

        // Preview with sample values; nothing saved.
        var preview = await Html.ParseAsync(await Html.SubmitAsync(admin, edit, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【受理しました】{procedure}（{receiptNumber}）",
            ["body"] = "{procedure} を受理しました。\n状況: {statusUrl}",
            ["intent"] = "preview",
        }));
        Assert.Equal("【受理しました】各種証明書の郵送請求（MSN-2026-000123）", preview.QuerySelector("#preview-subject")!.TextContent.Trim());
        Assert.Contains("https://example.jp/status/", preview.QuerySelector("#preview-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("【受理しました】{procedure}（{receiptNumber}）", ((IHtmlInputElement)preview.QuerySelector("#subject")!).Value);
        stored = await _app.InOrganizationAsync("MSN", (db, _) => db.Set<NotificationTemplate>().AsNoTracking().SingleAsync(t => t.Kind == "received" && t.Language == "ja", Ct));
        Assert.Equal(original, stored.Subject);

        // Save: audited, and the next 受理 notice uses the new wording.
        var saved = await Html.SubmitAsync(admin, preview, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【受理しました】{procedure}（{receiptNumber}）",
            ["body"] = "{procedure} を受理しました。\n状況: {statusUrl}",
            ["intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await StaffSession.GetPageAsync(admin, saved.Headers.Location!.OriginalString);
        Assert.NotNull(after.QuerySelector("#done"));
        Assert.Equal("【受理しました】{procedure}（{receiptNumber}）", ((IHtmlInputElement)after.QuerySelector("#subject")!).Value);
        var audit = await _app.InOrganizationAsync("MSN", (db, _) => db.AuditEntries.Where(e => e.Action == "notification_template.updated").Select(e => e.Details).ToListAsync(Ct));
        Assert.Contains(audit, d => d.Contains("kind=received language=ja", StringComparison.Ordinal));

        var receipt = await SubmitAsync(_app);
        var id = (await WaitForCaseAsync(shimin, receipt))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(shimin, id, "accept")).StatusCode);
        var mail = await _app.WaitForMailAsync("【受理しました】", Ct);
        Assert.Contains(receipt, mail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoEditors_TheSecondGetsAConflict_SeesTheFirstsWording_AndKeepsTheirText() => await TwoEditorsAsync(_app);

    [Fact]
    public async Task TwoEditors_TheSecondGetsAConflict_OnPostgreSql()
    {
        await using var app = await MadoguchiApp.StartAsync(DatabaseProvider.Postgres);
        await TwoEditorsAsync(app);

        // Eight saves at once from the same stamp, through the service: exactly one wins.
        var stamp = await app.InOrganizationAsync("MSN", async (db, _) =>
            NotificationTemplateEditor.StampOf((await db.Set<NotificationTemplate>().AsNoTracking().SingleAsync(t => t.Kind == "completed" && t.Language == "en", Ct)).UpdatedAt));
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => app.InOrganizationAsync("MSN", (_, services) =>
            services.GetRequiredService<NotificationTemplateEditor>().SaveAsync("completed", "en", $"Completed {i}: {{procedure}}", "Done {receiptNumber}", stamp, Ct))));
        Assert.Single(results, r => r == NotificationTemplateEditor.SaveResult.Saved);
    }

    private static async Task TwoEditorsAsync(MadoguchiApp app)
    {
        using var first = await StaffSignIn.SignedInClientAsync(app, Admin);
        using var second = await StaffSignIn.SignedInClientAsync(app, Admin);
        var firstPage = await StaffSession.GetPageAsync(first, "/staff/notices/templates/completed/ja");
        var secondPage = await StaffSession.GetPageAsync(second, "/staff/notices/templates/completed/ja");

        var firstSave = await Html.SubmitAsync(first, firstPage, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【完了】{procedure}（一人目）",
            ["body"] = "一人目の本文 {receiptNumber}",
            ["intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);

        var conflict = await Html.ParseAsync(await Html.SubmitAsync(second, secondPage, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【完了】{procedure}（二人目）",
            ["body"] = "二人目の本文 {receiptNumber}",
            ["intent"] = "save",
        }));
        Assert.NotNull(conflict.QuerySelector("#conflict"));
        Assert.Equal("【完了】{procedure}（一人目）", conflict.QuerySelector("#current-subject")!.TextContent.Trim());
        Assert.Equal("【完了】{procedure}（二人目）", ((IHtmlInputElement)conflict.QuerySelector("#subject")!).Value);
        Assert.Equal("二人目の本文 {receiptNumber}", conflict.QuerySelector("#body")!.TextContent);
        var stored = await app.InOrganizationAsync("MSN", (db, _) => db.Set<NotificationTemplate>().AsNoTracking().SingleAsync(t => t.Kind == "completed" && t.Language == "ja", Ct));
        Assert.Equal("【完了】{procedure}（一人目）", stored.Subject);

        // Having seen the first editor's wording, the second saves again on purpose.
        var again = await Html.SubmitAsync(second, conflict, "#template-form", new Dictionary<string, string>
        {
            ["subject"] = "【完了】{procedure}（二人目）",
            ["body"] = "二人目の本文 {receiptNumber}",
            ["intent"] = "save",
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        stored = await app.InOrganizationAsync("MSN", (db, _) => db.Set<NotificationTemplate>().AsNoTracking().SingleAsync(t => t.Kind == "completed" && t.Language == "ja", Ct));
        Assert.Equal("【完了】{procedure}（二人目）", stored.Subject);
    }

    [Fact]
    public async Task OnlineRatePage_ShowsTheApisFigures_ForItPolicyAndAdmins_WithACsv()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        Assert.True(IsAccessDenied(await GetAsync(shimin, "/staff/statistics/channels")));
        Assert.True(IsAccessDenied(await GetAsync(shimin, "/staff/statistics/channels?handler=csv")));
        Assert.Null((await StaffSession.GetPageAsync(shimin, "/staff")).QuerySelector("#channels-link"));

        var receipt = await SubmitAsync(_app);
        await WaitForCaseAsync(shimin, receipt);
        await _app.InOrganizationAsync("MSN", async (db, _) =>
        {
            // One more application of the same procedure, entered at the counter.
            var online = await db.Set<Madoguchi.Cases.Cases.Case>().SingleAsync(c => c.ReceiptNumber == receipt, Ct);
            var counter = await db.Set<Madoguchi.Cases.Cases.Case>().AsNoTracking().SingleAsync(c => c.Id == online.Id, Ct);
            counter.Id = Guid.NewGuid();
            counter.ReceiptNumber = receipt + "-C";
            counter.SubmissionId = Guid.NewGuid();
            counter.Channel = "counter";
            db.Add(counter);
            return await db.SaveChangesAsync(Ct);
        });

        using var itPolicy = await StaffSignIn.SignedInClientAsync(_app, ItPolicy);
        Assert.NotNull((await StaffSession.GetPageAsync(itPolicy, "/staff")).QuerySelector("#channels-link"));
        var page = await StaffSession.GetPageAsync(itPolicy, "/staff/statistics/channels");
        var row = page.QuerySelector($"#channels tr[data-procedure='{TestForms.Slug}']")!;
        Assert.Equal("1", row.QuerySelector("[data-col=online]")!.TextContent.Trim());
        Assert.Equal("1", row.QuerySelector("[data-col=counter]")!.TextContent.Trim());
        Assert.Equal("50.0%", row.QuerySelector("[data-col=rate]")!.TextContent.Trim());
        Assert.Equal("市民課", row.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#channels caption"));
        Assert.NotNull(page.QuerySelector("#channels th[scope=row]"));

        // The page shows what the API answers.
        var api = await itPolicy.GetStringAsync(new Uri("/api/v1/cases/statistics/channels", UriKind.Relative), Ct);
        Assert.Contains($"\"procedure\":\"{TestForms.Slug}\"", api, StringComparison.Ordinal);
        Assert.Contains("\"online\":1,\"counter\":1,\"onlineRate\":0.5", api, StringComparison.Ordinal);

        var csv = await GetAsync(itPolicy, page.QuerySelector("#channels-csv")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("手続ID,手続名,担当課,オンライン,窓口,合計,オンライン化率（%）", lines[0]);
        Assert.Contains(lines, l => l.StartsWith(TestForms.Slug + ",", StringComparison.Ordinal) && l.EndsWith(",市民課,1,1,2,50.0", StringComparison.Ordinal));

        using var admin = await StaffSignIn.SignedInClientAsync(_app, Admin);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(admin, "/staff/statistics/channels")).StatusCode);
    }
}

/// <summary>The template rules and the delivery wording without an app.</summary>
public sealed class NotificationTemplateRulesTests
{
    [Fact]
    public void EveryDefaultWording_PassesItsOwnKindsPlaceholderCheck()
    {
        // Otherwise an administrator who opens a default and presses 保存 would be told it is wrong.
        foreach (var ((kind, language), text) in NotificationTemplates.Defaults)
        {
            Assert.True(NotificationTemplateEditor.Validate(kind, text.Subject, text.Body).Count == 0, $"{kind}/{language}");
        }
    }

    [Theory]
    [InlineData("received", "{procedure} {reason}", "{reason}")]
    [InlineData("decision", "{procedure} {reason} {correctionUrl}", "{correctionUrl}")]
    [InlineData("completed", "{Procedure}", "{Procedure}")]
    public void APlaceholderTheKindDoesNotFill_IsAnError_NamingIt(string kind, string body, string named)
    {
        var errors = NotificationTemplateEditor.Validate(kind, "件名", body);
        Assert.Contains(named, errors["body"].Ja, StringComparison.Ordinal);
        Assert.Contains(named, errors["body"].En, StringComparison.Ordinal);
    }

    [Fact]
    public void Subject_IsOneLine_AndBothAreRequired()
    {
        Assert.Contains("1行", NotificationTemplateEditor.Validate("completed", "a\nb", "本文")["subject"].Ja, StringComparison.Ordinal);
        var empty = NotificationTemplateEditor.Validate("completed", " ", "");
        Assert.Equal(["body", "subject"], empty.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("SmtpCommandException: 5.1.1 <a@b.jp>: Recipient address rejected", "recipient")]
    [InlineData("SocketException: Connection refused", "connection")]
    [InlineData("AuthenticationException: 535 5.7.8 Authentication credentials invalid", "auth")]
    [InlineData("InvalidOperationException: Email is not configured: set Email:Smtp:Host", "config")]
    [InlineData("NullReferenceException: Object reference not set", "other")]
    [InlineData(null, null)]
    public void LastError_IsSortedIntoWhatAClerkCanDo(string? error, string? key) =>
        Assert.Equal(key, NotificationDelivery.ErrorKey(error));

    [Fact]
    public void TechnicalText_MasksAddresses() =>
        Assert.Equal("5.1.1 <t***@example.jp>: rejected", NotificationDelivery.Technical("5.1.1 <taro.musashi@example.jp>: rejected"));
}
