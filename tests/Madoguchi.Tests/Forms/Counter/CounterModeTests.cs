using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madoguchi.Bookings.Reservations;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Forms.Funnel;
using Madoguchi.Forms.Submissions;
using Madoguchi.Platform.Data;
using Madoguchi.Procedures.Contracts;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Madoguchi.Tests.Cases.CasesTestKit;

namespace Madoguchi.Tests.Forms.Counter;

/// <summary>
/// 書かない窓口 over HTTP as a tablet without JavaScript uses it: staff start a procedure (or a visit
/// booking of today), fill the same form pages, the citizen confirms, and the case is a counter
/// case with the staff member; the online rate counts it apart; a double submit makes one case.
/// </summary>
public sealed class CounterModeTests : IAsyncLifetime
{
    /// <summary>The test form, with its name and email fields declaring what they mean (prefill).</summary>
    private static readonly string PrefillDefinition = TestForms.Definition
        .Replace("\"label\": { \"ja\": \"氏名\", \"en\": \"Name\" }, \"required\": true }", "\"label\": { \"ja\": \"氏名\", \"en\": \"Name\" }, \"required\": true, \"prefill\": \"name\" }", StringComparison.Ordinal)
        .Replace("\"label\": { \"ja\": \"メールアドレス\", \"en\": \"Email\" }, \"required\": true }", "\"label\": { \"ja\": \"メールアドレス\", \"en\": \"Email\" }, \"required\": true, \"prefill\": \"email\" }", StringComparison.Ordinal);

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        _app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(_app, PrefillDefinition);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static readonly Dictionary<string, string> Applicant = new()
    {
        ["applicantName.family"] = "武蔵野",
        ["applicantName.given"] = "太郎",
        ["applicantName.familyKana"] = "ムサシノ",
        ["applicantName.givenKana"] = "タロウ",
        ["dateOfBirth.era"] = "西暦",
        ["dateOfBirth.year"] = "1990",
        ["dateOfBirth.month"] = "4",
        ["dateOfBirth.day"] = "1",
        ["email"] = "taro@example.jp",
    };

    private static async Task<(HttpResponseMessage Response, IDocument Page)> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        var hops = 0;
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && hops++ < 5)
        {
            var location = response.Headers.Location!;
            response.Dispose();
            response = await client.GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, Ct);
        }

        return (response, await Html.ParseAsync(response));
    }

    private static async Task<IDocument> PostAsync(HttpClient client, IDocument page, string form, IDictionary<string, string> values) =>
        (await FollowAsync(client, await Html.SubmitAsync(client, page, form, values))).Page;

    private static string Value(IDocument page, string name) => page.QuerySelector<IHtmlInputElement>($"input[name='{name}']")?.Value ?? "";

    /// <summary>Starts the procedure (or the visit) from /staff/counter and fills every page up to the confirmation.</summary>
    private static async Task<IDocument> FillAsync(HttpClient staff, Guid? visit = null)
    {
        var home = await StaffSession.GetPageAsync(staff, "/staff/counter");
        var page = await PostAsync(staff, home, visit is null ? $"form[data-start='{TestForms.Slug}']" : $"form[data-visit='{visit}']", new Dictionary<string, string>());
        Assert.Equal("申請者", page.QuerySelector("h1")!.TextContent.Trim());
        page = await PostAsync(staff, page, "#step-form", Applicant);
        page = await PostAsync(staff, page, "#step-form", new Dictionary<string, string> { ["copies"] = "2", ["purpose"] = "work" });
        page = await PostAsync(staff, page, "#step-form", new Dictionary<string, string>());
        page = await PostAsync(staff, page, "#step-form", new Dictionary<string, string> { ["consent"] = "true" });
        Assert.NotNull(page.QuerySelector("#confirm-form"));
        return page;
    }

    private static string DraftIdOf(IDocument confirm) => confirm.Url.Split("/staff/counter/")[1].Split('/')[0];

    [Fact]
    public async Task CounterSubmission_CreatesACaseMarkedCounter_WithTheStaffMemberWhoEnteredIt()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var confirm = await FillAsync(shimin);
        Assert.Contains("武蔵野", confirm.QuerySelector(".counter-confirm")!.TextContent, StringComparison.Ordinal);

        // The citizen must tick 「内容を確認しました」: without it nothing is submitted.
        var refused = await PostAsync(shimin, confirm, "#confirm-form", new Dictionary<string, string>());
        Assert.Contains("内容を確認しました", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await _app.InOrganizationAsync("MSN", async (db, _) => await db.Set<Submission>().CountAsync(Ct)));

        var print = await PostAsync(shimin, refused, "#confirm-form", new Dictionary<string, string> { ["Confirmed"] = "true" });
        var receipt = print.QuerySelector("#receipt-number")!.TextContent.Trim();
        Assert.StartsWith("MSN-", receipt, StringComparison.Ordinal);
        Assert.Equal("窓口", print.QuerySelector("#channel")!.TextContent.Trim());
        var staffName = await _app.InOrganizationAsync("MSN", async (db, _) => await db.Users.Where(u => u.Email == Shimin).Select(u => u.DisplayName).FirstAsync(Ct));
        Assert.Equal(staffName, print.QuerySelector("#entered-by")!.TextContent.Trim());
        Assert.Contains("武蔵野", print.QuerySelector(".counter-print")!.TextContent, StringComparison.Ordinal);

        // The case: in the department's inbox marked 窓口, channel and staff member in the API and on the case page.
        var summary = await WaitForCaseAsync(shimin, receipt);
        Assert.Equal("counter", summary["channel"]!.GetValue<string>());
        Assert.Equal(staffName, summary["enteredBy"]!.GetValue<string>());
        var inbox = await StaffSession.GetPageAsync(shimin, "/staff/cases");
        Assert.NotNull(inbox.QuerySelector($"#cases tr[data-receipt='{receipt}'] [data-channel='counter']"));
        var casePage = await StaffSession.GetPageAsync(shimin, $"/staff/cases/{summary["id"]}");
        Assert.Contains("窓口", casePage.QuerySelector("#case-channel")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(staffName, casePage.QuerySelector("#case-channel")!.TextContent, StringComparison.Ordinal);

        // The staff actions are in the audit chain.
        var audited = await _app.InOrganizationAsync("MSN", async (db, _) =>
            await db.AuditEntries.Where(a => a.Action.StartsWith("counter.") || a.Action == "submission.personal_data_read").Select(a => a.Action).ToListAsync(Ct));
        Assert.Contains("counter.started", audited);
        Assert.Contains("counter.submitted", audited);
        Assert.Contains("submission.personal_data_read", audited);

        // Going back to the draft after submitting shows the same application, it does not start another.
        var (_, back) = await FollowAsync(shimin, await shimin.GetAsync(new Uri($"/staff/counter/{DraftIdOf(confirm)}/confirm", UriKind.Relative), Ct));
        Assert.Equal(receipt, back.QuerySelector("#receipt-number")!.TextContent.Trim());
    }

    [Fact]
    public async Task OnlineRate_CountsCounterSubmissionsApartFromOnlineOnes()
    {
        var online = await SubmitAsync(_app);
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var print = await PostAsync(shimin, await FillAsync(shimin), "#confirm-form", new Dictionary<string, string> { ["Confirmed"] = "true" });
        var counter = print.QuerySelector("#receipt-number")!.TextContent.Trim();
        Assert.Equal("api", (await WaitForCaseAsync(shimin, online))["channel"]!.GetValue<string>());
        await WaitForCaseAsync(shimin, counter);

        using var itPolicy = await StaffSignIn.SignedInClientAsync(_app, ItPolicy);
        var rows = await itPolicy.GetFromJsonAsync<JsonArray>("/api/v1/cases/statistics/channels", Ct);
        var row = rows!.Single(r => r!["procedure"]!.GetValue<string>() == TestForms.Slug)!;
        Assert.Equal(1, row["online"]!.GetValue<int>());
        Assert.Equal(1, row["counter"]!.GetValue<int>());
        Assert.Equal(0.5, row["onlineRate"]!.GetValue<double>());

        // The funnel's "submitted" stays the online figure; the counter one is its own kind.
        var kinds = await _app.InOrganizationAsync("MSN", async (db, _) =>
            await db.Set<FunnelEvent>().Where(e => e.ProcedureSlug == TestForms.Slug && (e.Kind == FunnelEventKind.Submitted || e.Kind == FunnelEventKind.CounterSubmitted)).Select(e => e.Kind).ToListAsync(Ct));
        Assert.Equal(1, kinds.Count(k => k == FunnelEventKind.Submitted));
        Assert.Equal(1, kinds.Count(k => k == FunnelEventKind.CounterSubmitted));

        // Department staff do not get the organisation's figures.
        using var response = await shimin.GetAsync(new Uri("/api/v1/cases/statistics/channels", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CounterPages_RefuseAnonymousVisitors_AndStaffOfOtherDepartments()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var confirm = await FillAsync(shimin);
        var draftId = DraftIdOf(confirm);

        using var anonymous = _app.CreateBrowserLikeClient();
        foreach (var path in (string[])["/staff/counter", $"/staff/counter/{draftId}/applicant", $"/staff/counter/{draftId}/confirm"])
        {
            using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        }

        // A POST without the antiforgery token (and without a session) creates nothing.
        using (var post = await anonymous.PostAsync(new Uri($"/staff/counter/{draftId}/confirm", UriKind.Relative), new FormUrlEncodedContent([new("Confirmed", "true")]), Ct))
        {
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        }

        // 子ども子育て支援課 cannot open 市民課's counter draft nor start its procedure.
        using var kodomo = await StaffSignIn.SignedInClientAsync(_app, Kodomo);
        using (var theirs = await kodomo.GetAsync(new Uri($"/staff/counter/{draftId}/confirm", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        }

        var kodomoHome = await StaffSession.GetPageAsync(kodomo, "/staff/counter");
        Assert.Null(kodomoHome.QuerySelector($"form[data-start='{TestForms.Slug}']"));
        Assert.Equal(0, await _app.InOrganizationAsync("MSN", async (db, _) => await db.Set<Submission>().CountAsync(Ct)));
    }

    [Fact]
    public async Task VisitBooking_OfToday_PrefillsTheFormWithWhatTheCitizenGaveWhenBooking()
    {
        var visitId = await _app.InOrganizationAsync("MSN", async (db, services) =>
        {
            var procedure = (await services.GetRequiredService<IProcedureCatalog>().FindAsync(TestForms.Slug, Ct))!;
            var resource = new Resource
            {
                Id = Guid.NewGuid(),
                Slug = "juminhyo-visit",
                NameJa = "証明書窓口",
                NameEn = "Certificates counter",
                Kind = ResourceKind.Counter,
                DepartmentId = procedure.ResponsibleDepartmentId,
                ProcedureSlug = TestForms.Slug,
            };
            var start = DateTime.UtcNow;
            var slot = new Slot { Id = Guid.NewGuid(), ResourceId = resource.Id, StartsAt = start, EndsAt = start.AddMinutes(30), Capacity = 1, Taken = 1 };
            var reservation = new Reservation
            {
                Id = Guid.NewGuid(),
                Reference = Tokens.NewReference(),
                ResourceId = resource.Id,
                SlotId = slot.Id,
                StartsAt = start,
                EndsAt = start.AddMinutes(30),
                Name = "吉祥寺 花子",
                Email = "hanako@example.jp",
                Phone = "0422-00-0000",
                PersonKey = Tokens.PersonKey("hanako@example.jp"),
                ManageTokenHash = Tokens.Hash(Guid.NewGuid().ToString()),
                ManageTokenProtected = "x",
            };
            db.AddRange(resource, slot, reservation);
            await db.SaveChangesAsync(Ct);
            return reservation.Id;
        });

        using var shimin = await StaffSignIn.SignedInClientAsync(_app, Shimin);
        var home = await StaffSession.GetPageAsync(shimin, "/staff/counter");
        Assert.Contains("吉祥寺 花子", home.QuerySelector("#visits")!.TextContent, StringComparison.Ordinal);
        var first = await PostAsync(shimin, home, $"form[data-visit='{visitId}']", new Dictionary<string, string>());
        Assert.Equal("吉祥寺", Value(first, "applicantName.family"));
        Assert.Equal("花子", Value(first, "applicantName.given"));
        Assert.Equal("hanako@example.jp", Value(first, "email"));

        // Staff of another department neither see the visit nor can start from it.
        using var kodomo = await StaffSignIn.SignedInClientAsync(_app, Kodomo);
        var theirs = await StaffSession.GetPageAsync(kodomo, "/staff/counter");
        Assert.Null(theirs.QuerySelector($"form[data-visit='{visitId}']"));
    }

    [Fact]
    public Task DoubleSubmit_OfTheConfirmation_MakesOneSubmissionAndOneCase() => DoubleSubmitAsync(_app);

    [Fact]
    public async Task DoubleSubmit_OfTheConfirmation_MakesOneSubmissionAndOneCase_OnPostgreSql()
    {
        await using var app = await MadoguchiApp.StartAsync(Madoguchi.Platform.Data.DatabaseProvider.Postgres);
        await TestForms.PublishAsync(app, PrefillDefinition);
        await DoubleSubmitAsync(app);
    }

    /// <summary>Four presses of the confirmation's button at once (a double click, a resent form): one submission, one case, all on the same application.</summary>
    private static async Task DoubleSubmitAsync(MadoguchiApp app)
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(app, Shimin);
        var confirm = await FillAsync(shimin);
        var values = new Dictionary<string, string> { ["Confirmed"] = "true" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Html.SubmitAsync(shimin, confirm, "#confirm-form", values)));
        var locations = responses.Select(r => (r.StatusCode, r.Headers.Location?.OriginalString.Split('?')[0])).ToList();
        Assert.All(locations, l => Assert.Equal(HttpStatusCode.Redirect, l.StatusCode));
        Assert.Single(locations.Select(l => l.Item2).Distinct());

        var count = await app.InOrganizationAsync("MSN", async (db, _) => await db.Set<Submission>().CountAsync(s => s.Channel == SubmissionChannel.Counter, Ct));
        Assert.Equal(1, count);
        var print = await StaffSession.GetPageAsync(shimin, locations[0].Item2!);
        var receipt = print.QuerySelector("#receipt-number")!.TextContent.Trim();
        await WaitForCaseAsync(shimin, receipt);
        var cases = await shimin.GetFromJsonAsync<JsonObject>("/api/v1/cases", Ct);
        Assert.Single(cases!["items"]!.AsArray());
    }
}
