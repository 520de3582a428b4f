using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Madoguchi.Cases.Corrections;
using Madoguchi.Cases.Notifications;
using Madoguchi.Forms.Corrections;
using Madoguchi.Forms.Engine;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Cases;

/// <summary>
/// 補正依頼 end to end on SQLite: staff ask (API), the applicant gets the email with a one-time link,
/// opens it without signing in, can change only the requested answers, resubmits; the case is back in
/// 審査中 with the diff. Link reuse, double submit, expiry and another case's link are refused.
/// </summary>
public sealed partial class CorrectionsTests
{
    /// <summary>A valid 個人番号 (check digit computed by the form engine's own rule).</summary>
    private static readonly string MyNumberA = "12345678901" + MyNumber.CheckDigit("12345678901");
    private static readonly string MyNumberB = "98765432109" + MyNumber.CheckDigit("98765432109");

    private static readonly string DefinitionWithMyNumber = TestForms.Definition.Replace(
        """{ "id": "email", "type": "email", "label": { "ja": "メールアドレス", "en": "Email" }, "required": true }""",
        """{ "id": "email", "type": "email", "label": { "ja": "メールアドレス", "en": "Email" }, "required": true }, { "id": "myNumber", "type": "myNumber", "label": { "ja": "個人番号", "en": "My Number" } }""",
        StringComparison.Ordinal);

    private static readonly string[] LiveStates = ["pending", "sent", "retrying"];
    private static readonly int[] FourOrFive = [4, 5];

    private sealed record Setup(HttpClient Staff, string CaseId, string Token, string StatusToken, string Mail);

    /// <summary>Submits (in <paramref name="language"/>), accepts as 市民課 and asks to correct <paramref name="fields"/>.</summary>
    private static async Task<Setup> AskAsync(MadoguchiApp app, string email, string[] fields, string language = "ja", string? answers = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {answers ?? TestForms.ValidAnswers().Replace("taro@example.jp", email, StringComparison.Ordinal)} }}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var receipt = created["receiptNumber"]!.GetValue<string>();
        var statusToken = created["statusUrl"]!.GetValue<string>().Split('/')[^1];
        var staff = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var id = (await WaitForCaseAsync(staff, receipt))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(staff, id, "accept")).StatusCode);
        using var asked = await staff.PostAsJsonAsync($"/api/v1/cases/{id}/actions",
            new { action = "request-correction", fields, message = $"通数を確認してください {receipt}" }, Ct);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("awaiting-correction", (await JsonAsync(asked))["case"]!["status"]!.GetValue<string>());
        var mail = await app.WaitForMailAsync($"通数を確認してください {receipt}", Ct);
        var token = LinkPattern().Match(mail).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), mail);
        return new(staff, id, token, statusToken, mail);
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        return await Html.ParseAsync(response);
    }

    private static Task<HttpResponseMessage> ResubmitAsync(HttpClient client, IDocument page, Dictionary<string, string> values) =>
        Html.SubmitAsync(client, page, "form[enctype='multipart/form-data']", values);

    [Fact]
    public async Task Applicant_CorrectsOnlyTheRequestedAnswers_AndTheCaseIsBackInReviewWithTheDiff()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var setup = await AskAsync(app, "correct1@example.jp", ["copies"]);
        using var _ = setup.Staff;
        Assert.Contains("correct1@example.jp", setup.Mail, StringComparison.Ordinal);
        Assert.Contains("補正のお願い", setup.Mail, StringComparison.Ordinal);
        // Only the hash of the token is stored.
        var stored = await app.InOrganizationAsync("MSN", (db, _) => db.Set<CorrectionRequest>().Select(r => r.TokenHash).ToListAsync());
        Assert.DoesNotContain(setup.Token, stored);

        using var citizen = app.CreateBrowserLikeClient();
        var page = await PageAsync(citizen, $"/correct/{setup.Token}");
        Assert.Contains("通数を確認してください", page.Body!.TextContent, StringComparison.Ordinal);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        Assert.NotNull(form.QuerySelector("input[name='copies']"));
        Assert.Null(form.QuerySelector("[name='purpose']"));
        Assert.Null(form.QuerySelector("[name='applicantName.family']"));
        Assert.Null(form.QuerySelector("[name='email']"));
        Assert.Contains("勤務先に提出", page.Body.TextContent, StringComparison.Ordinal); // other answers shown read-only

        // A bad value: the error in Japanese, what was typed kept.
        using (var bad = await ResubmitAsync(citizen, page, new() { ["copies"] = "abc" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            var again = await Html.ParseAsync(bad);
            Assert.NotNull(again.QuerySelector(".error-summary"));
            Assert.Equal("abc", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='copies']")!.Value);
            Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", again.QuerySelector(".error-summary li")!.TextContent);
        }

        // The same in English.
        var english = await PageAsync(citizen, $"/correct/{setup.Token}?culture=en");
        using (var bad = await ResubmitAsync(citizen, english, new() { ["copies"] = "abc" }))
        {
            var again = await Html.ParseAsync(bad);
            Assert.Equal("abc", again.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='copies']")!.Value);
            Assert.Matches("^[\\x20-\\x7e]+$", again.QuerySelector(".error-summary li")!.TextContent.Trim());
        }

        page = await PageAsync(citizen, $"/correct/{setup.Token}");
        using (var good = await ResubmitAsync(citizen, page, new() { ["copies"] = "3" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        var done = await PageAsync(citizen, $"/correct/{setup.Token}");
        Assert.Contains("補正を受け付けました", done.Body!.TextContent, StringComparison.Ordinal);

        var detail = await DetailAsync(setup.Staff, setup.CaseId);
        Assert.Equal("under-review", detail["case"]!["status"]!.GetValue<string>());
        var answered = detail["history"]!.AsArray().Last()!;
        Assert.Equal("correction-answered", answered["action"]!.GetValue<string>());
        Assert.Equal("通数: 2 → 3", answered["comment"]!.GetValue<string>());
        var change = detail["corrections"]!.AsArray().Single()!["changes"]!.AsArray().Single()!;
        Assert.Equal("copies", change["field"]!.GetValue<string>());
        Assert.Equal("2", change["before"]!.GetValue<string>());
        Assert.Equal("3", change["after"]!.GetValue<string>());
        Assert.Equal(3, detail["answers"]!["copies"]!.GetValue<int>());
        Assert.Equal("answered", detail["corrections"]!.AsArray().Single()!["state"]!.GetValue<string>());

        // The notices and their delivery state are visible to staff.
        var kinds = detail["notifications"]!.AsArray().Select(n => n!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["received", "correction-requested"], kinds);
        Assert.All(detail["notifications"]!.AsArray(), n => Assert.Contains(n!["state"]!.GetValue<string>(), LiveStates));
        Assert.DoesNotContain("correct1@example.jp", detail["notifications"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLink_WorksOnce_AndADoubleSubmitMakesOneRevision()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var setup = await AskAsync(app, "correct2@example.jp", ["copies"]);
        using var _ = setup.Staff;
        using var citizen = app.CreateBrowserLikeClient();
        var page = await PageAsync(citizen, $"/correct/{setup.Token}");

        // Double click: the same form posted twice at once.
        var first = ResubmitAsync(citizen, page, new() { ["copies"] = "4" });
        var second = ResubmitAsync(citizen, page, new() { ["copies"] = "5" });
        var responses = await Task.WhenAll(first, second);
        // Each click gets either the redirect of the one that was taken, or, when the other had already finished,
        // the page saying the correction was received: never an error, never a second revision (checked below).
        foreach (var response in responses)
        {
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains("補正を受け付けました", (await Html.ParseAsync(response)).Body!.TextContent, StringComparison.Ordinal);
            }
        }

        // Reuse of the link later: it says it is done, and changes nothing.
        using (var reuse = await ResubmitAsync(citizen, page, new() { ["copies"] = "6" }))
        {
            Assert.Contains("補正を受け付けました", (await Html.ParseAsync(reuse)).Body!.TextContent, StringComparison.Ordinal);
        }

        var revisions = await app.InOrganizationAsync("MSN", (db, _) => db.Set<SubmissionRevision>().CountAsync());
        Assert.Equal(1, revisions);
        var detail = await DetailAsync(setup.Staff, setup.CaseId);
        Assert.Single(detail["history"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "correction-answered");
        Assert.Contains(detail["answers"]!["copies"]!.GetValue<int>(), FourOrFive);
        Assert.Equal("under-review", detail["case"]!["status"]!.GetValue<string>());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task AnExpiredLink_AndAnotherCasesRequest_AreRefused()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var a = await AskAsync(app, "correct3a@example.jp", ["copies"]);
        var b = await AskAsync(app, "correct3b@example.jp", ["copies"]);
        using var _ = a.Staff;
        using var __ = b.Staff;
        using var citizen = app.CreateBrowserLikeClient();

        // A's link with B's request id in the form: refused, nothing changes on either.
        var pageA = await PageAsync(citizen, $"/correct/{a.Token}");
        var pageB = await PageAsync(citizen, $"/correct/{b.Token}");
        var idB = pageB.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name='correction']")!.Value;
        using (var crossed = await ResubmitAsync(citizen, pageA, new() { ["copies"] = "7", ["correction"] = idB }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, crossed.StatusCode);
        }

        Assert.Equal("awaiting-correction", (await DetailAsync(a.Staff, a.CaseId))["case"]!["status"]!.GetValue<string>());
        Assert.Equal("awaiting-correction", (await DetailAsync(b.Staff, b.CaseId))["case"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri("/correct/" + new string('x', 43), UriKind.Relative), Ct)).StatusCode);

        // A's link expires: 410 with an explanation, and a post changes nothing.
        await app.InOrganizationAsync("MSN", async (db, _) =>
        {
            await db.Set<CorrectionRequest>().ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            return 0;
        });
        using (var expired = await citizen.GetAsync(new Uri($"/correct/{a.Token}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
            Assert.Contains("期限", (await Html.ParseAsync(expired)).Body!.TextContent, StringComparison.Ordinal);
        }

        using (var late = await ResubmitAsync(citizen, pageA, new() { ["copies"] = "8" }))
        {
            Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        }

        Assert.Equal(0, await app.InOrganizationAsync("MSN", (db, _) => db.Set<SubmissionRevision>().CountAsync()));
    }

    [Fact]
    public async Task MyNumber_NeverAppearsInTheDiff()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app, DefinitionWithMyNumber);
        var answers = TestForms.ValidAnswers().Replace("\"email\": \"taro@example.jp\",", $"\"email\": \"correct4@example.jp\", \"myNumber\": \"{MyNumberA}\",", StringComparison.Ordinal);
        var setup = await AskAsync(app, "correct4@example.jp", ["myNumber"], answers: answers);
        using var _ = setup.Staff;
        using var citizen = app.CreateBrowserLikeClient();
        var page = await PageAsync(citizen, $"/correct/{setup.Token}");
        using (var good = await ResubmitAsync(citizen, page, new() { ["myNumber"] = MyNumberB }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        using var raw = await setup.Staff.GetAsync(new Uri($"/api/v1/cases/{setup.CaseId}", UriKind.Relative), Ct);
        var json = await raw.Content.ReadAsStringAsync(Ct);
        var detail = JsonNode.Parse(json)!;
        var history = detail["history"]!.AsArray().Last()!["comment"]!.GetValue<string>();
        var corrections = detail["corrections"]!.ToJsonString();
        foreach (var text in new[] { history, corrections })
        {
            Assert.DoesNotContain(MyNumberA, text, StringComparison.Ordinal);
            Assert.DoesNotContain(MyNumberB, text, StringComparison.Ordinal);
            Assert.Contains(CorrectionDiff.MaskedMyNumber, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheStatusPage_ShowsEachStep_AndTheCorrectionToDo()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var setup = await AskAsync(app, "correct5@example.jp", ["copies"]);
        using var _ = setup.Staff;
        using var citizen = app.CreateBrowserLikeClient();
        var status = await PageAsync(citizen, $"/status/{setup.StatusToken}");
        var steps = status.QuerySelectorAll("ol.status-steps > li").Select(li => li.QuerySelector("h3")!.TextContent).ToList();
        Assert.Equal(3, steps.Count);
        Assert.StartsWith("受付", steps[0], StringComparison.Ordinal);
        Assert.StartsWith("審査中", steps[1], StringComparison.Ordinal);
        Assert.StartsWith("補正依頼中", steps[2], StringComparison.Ordinal);
        Assert.Contains("通数を確認してください", status.QuerySelector("ol.status-steps > li[aria-current='step']")!.TextContent, StringComparison.Ordinal);

        // The link on the status page opens the correction (the status URL is the capability).
        var link = status.QuerySelector("ol.status-steps a")!.GetAttribute("href")!;
        Assert.Equal($"/correct/{setup.StatusToken}", link);
        var page = await PageAsync(citizen, link);
        using (var good = await ResubmitAsync(citizen, page, new() { ["copies"] = "1" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }

        using (await ActAsync(setup.Staff, setup.CaseId, "submit-for-approval"))
        {
        }

        using var kacho = await StaffSignIn.SignedInClientAsync(app, ShiminKacho);
        using (await ActAsync(kacho, setup.CaseId, "approve"))
        {
        }

        using (var completed = await ActAsync(setup.Staff, setup.CaseId, "complete", "住民票の写しを郵送しました"))
        {
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/status/{setup.StatusToken}");
        request.Headers.Accept.ParseAdd("application/json");
        using var json = await citizen.SendAsync(request, Ct);
        var body = (await json.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        Assert.Equal(["received", "under-review", "awaiting-correction", "corrected", "in-approval", "completed"],
            body["steps"]!.AsArray().Select(s => s!["kind"]!.GetValue<string>()));
        Assert.Contains("住民票の写しを郵送しました", body["steps"]!.AsArray().Last()!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("完了", body["statusText"]!.GetValue<string>());
        await app.WaitForMailAsync("の手続が完了しました", Ct);
    }

    [Fact]
    public async Task Notices_AreInTheLanguageOfTheApplication_AndOneReminderIsSentWhenUnanswered()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var setup = await AskAsync(app, "correct6@example.jp", ["copies"], language: "en");
        using var _ = setup.Staff;
        Assert.Contains("Please correct your application", setup.Mail, StringComparison.Ordinal);
        Assert.DoesNotContain("補正のお願い】", setup.Mail, StringComparison.Ordinal);

        // A city rewords its reminder (templates are data per organisation).
        await app.InOrganizationAsync("MSN", async (db, _) =>
        {
            var template = await db.Set<NotificationTemplate>().SingleAsync(t => t.Kind == NotificationKinds.Reminder && t.Language == "en");
            template.Subject = "Musashino reminder: {procedure} ({receiptNumber})";
            await db.SaveChangesAsync();
            return 0;
        });

        var reminders = app.Services.GetRequiredService<CorrectionReminders>();
        // Not yet due the next day; due after 5 business days (a fake "now", two weeks later).
        Assert.Equal(0, await reminders.SendDueAsync(DateTime.UtcNow.AddDays(1), Ct));
        Assert.Equal(1, await reminders.SendDueAsync(DateTime.UtcNow.AddDays(14), Ct));
        Assert.Equal(0, await reminders.SendDueAsync(DateTime.UtcNow.AddDays(15), Ct));
        var mail = await app.WaitForMailAsync("Musashino reminder", Ct);
        Assert.Contains("/correct/" + setup.StatusToken, mail, StringComparison.Ordinal);

        var detail = await DetailAsync(setup.Staff, setup.CaseId);
        Assert.Single(detail["notifications"]!.AsArray(), n => n!["kind"]!.GetValue<string>() == "reminder");
        Assert.All(detail["notifications"]!.AsArray(), n => Assert.Equal("en", n!["language"]!.GetValue<string>()));
        Assert.True(detail["corrections"]!.AsArray().Single()!["reminderSent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TheStaffForm_AsksForACorrection_WithAntiforgery_AndRefusesAnEmptyMessage()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        var receipt = await SubmitAsync(app);
        using var staff = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var id = (await WaitForCaseAsync(staff, receipt))["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(staff, id, "accept")).StatusCode);
        var any = await PageAsync(staff, "/staff/security");
        var antiforgery = any.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;

        async Task<HttpResponseMessage> PostAsync(params (string Name, string Value)[] values)
        {
            using var content = new FormUrlEncodedContent(values.Select(v => KeyValuePair.Create(v.Name, v.Value)));
            return await staff.PostAsync(new Uri($"/staff/cases/{id}/corrections", UriKind.Relative), content, Ct);
        }

        using (var forged = await PostAsync(("fields", "copies"), ("message", "通数を確認してください")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode); // no antiforgery token
        }

        using (var empty = await PostAsync(("__RequestVerificationToken", antiforgery), ("fields", "copies"), ("message", " ")))
        {
            Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
            Assert.Equal($"/staff/cases/{id}#correction-request", empty.Headers.Location!.OriginalString);
        }

        Assert.Equal("under-review", (await DetailAsync(staff, id))["case"]!["status"]!.GetValue<string>());
        using (var sent = await PostAsync(("__RequestVerificationToken", antiforgery), ("fields", "copies"), ("message", $"通数をご確認ください {receipt}")))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
            Assert.Equal($"/staff/cases/{id}?correction=sent#correction-request", sent.Headers.Location!.OriginalString);
        }

        Assert.Equal("awaiting-correction", (await DetailAsync(staff, id))["case"]!["status"]!.GetValue<string>());
        Assert.Contains("/correct/", await app.WaitForMailAsync($"通数をご確認ください {receipt}", Ct), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/correct/([A-Za-z0-9_\-]{20,100})")]
    private static partial Regex LinkPattern();
}
