using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madoguchi.Platform.Audit;
using Madoguchi.Procedures.Catalog;
using Madoguchi.Testing;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Procedures;

/// <summary>
/// Staff manage the procedure catalog (/staff/procedures) through the real sign-in: least privilege by
/// department, server validation that keeps what was typed, the concurrency check, and the audit trail.
/// </summary>
public sealed class StaffProceduresTests : IAsyncLifetime
{
    private const string Kodomo = "kodomo@musashino.example";
    private static readonly string[] OnlineAndCounter = ["Online", "Counter"];
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_NeedsSignIn()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.GetAsync(new Uri("/staff/procedures", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffHome_LinksToTheCatalog_AndTheListOffersEditOnlyForOwnDivision()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var home = await StaffSession.GetPageAsync(client, "/staff");
        Assert.NotNull(home.QuerySelector("#staff-menu a[href='/staff/procedures']"));

        var list = await StaffSession.GetPageAsync(client, "/staff/procedures");
        Assert.True(list.QuerySelectorAll("#procedures tbody tr").Length >= 18);
        Assert.NotNull(list.QuerySelector("tr[data-slug=juminhyo-copy] a[href='/staff/procedures/juminhyo-copy']"));
        Assert.Null(list.QuerySelector("tr[data-slug=bulky-waste] a"));
        Assert.Contains("閲覧のみ", list.QuerySelector("tr[data-slug=bulky-waste]")!.TextContent, StringComparison.Ordinal);

        var waste = await StaffSession.GetPageAsync(client, "/staff/procedures?department=waste");
        Assert.Equal(["bulky-waste"], waste.QuerySelectorAll("#procedures tbody tr").Select(r => r.GetAttribute("data-slug")));
        Assert.NotNull(waste.QuerySelector("#department option[value=waste][selected]"));

        var search = await StaffSession.GetPageAsync(client, "/staff/procedures?q=" + Uri.EscapeDataString("てんにゅう"));
        Assert.Contains("moving-in-advance", search.QuerySelectorAll("#procedures tbody tr").Select(r => r.GetAttribute("data-slug")));
        Assert.Equal("てんにゅう", ((IHtmlInputElement)search.QuerySelector("#q")!).Value);

        var mine = await StaffSession.GetPageAsync(client, "/staff/procedures?mine=1");
        var slugs = mine.QuerySelectorAll("#procedures tbody tr").Select(r => r.GetAttribute("data-slug")).ToList();
        Assert.Contains("juminhyo-copy", slugs);
        Assert.DoesNotContain("child-allowance", slugs);
    }

    [Fact]
    public async Task Edit_OwnDivision_SavesEveryField_ShowsItPublicly_AndIsAudited()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var page = await StaffSession.GetPageAsync(client, "/staff/procedures/juminhyo-copy");
        Assert.Equal("300", ((IHtmlInputElement)page.QuerySelector("#Fee")!).Value);
        using var visitor = _app.CreateClient();
        Assert.Contains("300円", await PublicPageTextAsync(visitor, "juminhyo-copy"), StringComparison.Ordinal); // now in the page cache

        var response = await SubmitAsync(client, page, new()
        {
            ["Input.Fee"] = "３５０円",
            ["Input.TitleEn"] = "Get a copy of your residence record",
            ["Input.ProcessingDays"] = "3",
            ["Input.WhatToBringJa"] = "本人確認書類\r\n\r\n委任状（代理人の場合）\r\n",
            ["Input.Keywords"] = "  じゅうみんひょう   住民票  ",
            ["Input.Channels"] = OnlineAndCounter,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/procedures/juminhyo-copy?done=saved", response.Headers.Location!.OriginalString);

        var saved = await StaffSession.GetPageAsync(client, "/staff/procedures/juminhyo-copy?done=saved");
        Assert.Contains("保存しました", saved.QuerySelector("#saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("350", ((IHtmlInputElement)saved.QuerySelector("#Fee")!).Value);
        Assert.Equal("じゅうみんひょう 住民票", ((IHtmlInputElement)saved.QuerySelector("#Keywords")!).Value);
        Assert.False(((IHtmlInputElement)saved.QuerySelector("#Channel_Post")!).IsChecked);

        using var api = _app.CreateClient();
        using var detail = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/procedures/juminhyo-copy", UriKind.Relative), Ct));
        Assert.Equal(350, detail.RootElement.GetProperty("fee").GetInt32());
        Assert.Equal(3, detail.RootElement.GetProperty("standardProcessingDays").GetInt32());
        Assert.False(detail.RootElement.GetProperty("post").GetBoolean());
        Assert.Equal(["本人確認書類", "委任状（代理人の場合）"], detail.RootElement.GetProperty("whatToBring").EnumerateArray().Select(e => e.GetString()));
        var publicPage = await PublicPageTextAsync(visitor, "juminhyo-copy"); // at once, not when the cached page expires
        Assert.Contains("350円", publicPage, StringComparison.Ordinal);
        Assert.Contains("委任状（代理人の場合）", publicPage, StringComparison.Ordinal);

        var audit = await _app.InOrganizationAsync("MSN", async (db, _) =>
        {
            var id = (await db.Set<Procedure>().SingleAsync(p => p.Slug == "juminhyo-copy", Ct)).Id.ToString();
            return await db.Set<AuditEntry>().Where(e => e.EntityType == nameof(Procedure) && e.EntityId == id && e.Action == "entity.modified").ToListAsync(Ct);
        });
        var entry = Assert.Single(audit);
        Assert.StartsWith("user:", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("FeeYen", entry.Details, StringComparison.Ordinal);
        Assert.Contains("UpdatedAt", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("350", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherDivision_CannotOpenOrSave_ButSystemAdminCan()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var denied = await shimin.GetAsync(new Uri("/staff/procedures/bulky-waste", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/staff/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // A hand-made post (their own page's form, aimed at another division's procedure) changes nothing.
        var own = await StaffSession.GetPageAsync(shimin, "/staff/procedures/juminhyo-copy");
        var post = await SubmitAsync(shimin, own, new() { ["Input.Fee"] = "1" }, "/staff/procedures/bulky-waste");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/staff/access-denied", post.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(400, await FeeAsync("bulky-waste"));

        using var admin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var page = await StaffSession.GetPageAsync(admin, "/staff/procedures/bulky-waste");
        var saved = await SubmitAsync(admin, page, new() { ["Input.Fee"] = "500" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(500, await FeeAsync("bulky-waste"));
    }

    [Fact]
    public async Task Refused_ShowsEveryProblemLinkedToItsField_KeepsWhatWasTyped_AndSavesNothing()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var page = await StaffSession.GetPageAsync(client, "/staff/procedures/juminhyo-copy");
        var longTitle = new string('あ', 201);
        var response = await SubmitAsync(client, page, new()
        {
            ["Input.TitleJa"] = longTitle,
            ["Input.SummaryEn"] = "",
            ["Input.Fee"] = "three hundred",
            ["Input.ProcessingDays"] = "-1",
            ["Input.Channels"] = Array.Empty<string>(),
            ["Input.RelatedSlugs"] = "certificate-by-post no-such-procedure",
            ["Input.FeeNoteJa"] = "1通\u0007300円",
            ["Input.DepartmentId"] = await DepartmentIdAsync("waste"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Html.ParseAsync(response);

        var links = result.QuerySelectorAll(".error-summary[role=alert] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#DepartmentId", "#TitleJa", "#SummaryEn", "#Fee", "#FeeNoteJa", "#ProcessingDays", "#Channel_Online", "#RelatedSlugs"], links);
        Assert.Contains("201", result.QuerySelector("#TitleJa-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("no-such-procedure", result.QuerySelector("#RelatedSlugs-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("空欄", result.QuerySelector("#Fee-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(longTitle, ((IHtmlInputElement)result.QuerySelector("#TitleJa")!).Value);
        Assert.Equal("three hundred", ((IHtmlInputElement)result.QuerySelector("#Fee")!).Value);
        Assert.Equal("true", result.QuerySelector("#Fee")!.GetAttribute("aria-invalid"));
        Assert.Contains("Fee-error", result.QuerySelector("#Fee")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(300, await FeeAsync("juminhyo-copy"));
    }

    [Fact]
    public async Task Refused_InEnglish_WhenTheStaffMemberUsesEnglish()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var page = await StaffSession.GetPageAsync(client, "/staff/procedures/juminhyo-copy?culture=en&ui-culture=en");
        var response = await SubmitAsync(client, page, new() { ["Input.Fee"] = "abc" }, "/staff/procedures/juminhyo-copy?culture=en&ui-culture=en");
        var result = await Html.ParseAsync(response);
        Assert.Equal("Enter the fee as a number of yen from 0 to 1,000,000, e.g. 300. Leave it empty if free.", result.QuerySelector("#Fee-error")!.TextContent.Trim());
    }

    [Fact]
    public Task SomeoneElseSavedMeanwhile_NothingIsOverwritten_WhatWasTypedIsKept_AndASecondSaveWins() => ConflictAsync(_app);

    [Fact]
    public async Task SomeoneElseSavedMeanwhile_OnPostgreSql_Too()
    {
        // PostgreSQL keeps microseconds: the version must survive the round trip there as well.
        await using var app = await MadoguchiApp.StartAsync(Madoguchi.Platform.Data.DatabaseProvider.Postgres);
        await ConflictAsync(app);
    }

    private static async Task ConflictAsync(MadoguchiApp app)
    {
        using var first = await StaffSignIn.SignedInClientAsync(app, StaffSession.Shimin);
        using var second = await StaffSignIn.SignedInClientAsync(app, StaffSession.Admin);
        var firstPage = await StaffSession.GetPageAsync(first, "/staff/procedures/juminhyo-copy");
        var secondPage = await StaffSession.GetPageAsync(second, "/staff/procedures/juminhyo-copy");

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(second, secondPage, new() { ["Input.Fee"] = "400" })).StatusCode);

        var conflict = await SubmitAsync(first, firstPage, new() { ["Input.Fee"] = "350", ["Input.FeeNoteJa"] = "1通350円" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Contains("ほかの人が先に保存しました", page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("350", ((IHtmlInputElement)page.QuerySelector("#Fee")!).Value);
        Assert.Equal("1通350円", ((IHtmlInputElement)page.QuerySelector("#FeeNoteJa")!).Value);
        var differences = page.QuerySelectorAll("#conflict-fields dt a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Fee", "#FeeNoteJa"], differences);
        Assert.Contains("400", page.QuerySelector("#conflict-fields dd")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(400, await FeeAsync(app, "juminhyo-copy"));

        // Having seen the other save, the first member saves again on purpose.
        var again = await SubmitAsync(first, page, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(350, await FeeAsync(app, "juminhyo-copy"));
    }

    [Fact]
    public async Task ASaveThatLandsBetweenTheCheckAndTheUpdate_IsRefusedByTheDatabase()
    {
        // The page compares versions first; UpdatedAt as a concurrency token covers the moment after.
        await _app.InOrganizationAsync("MSN", async (db, _) =>
        {
            var mine = await db.Set<Procedure>().SingleAsync(p => p.Slug == "juminhyo-copy", Ct);
            await _app.InOrganizationAsync("MSN", async (other, _) =>
            {
                var theirs = await other.Set<Procedure>().SingleAsync(p => p.Slug == "juminhyo-copy", Ct);
                theirs.FeeYen = 400;
                theirs.UpdatedAt = theirs.UpdatedAt.AddSeconds(1);
                return await other.SaveChangesAsync(Ct);
            });
            mine.FeeYen = 350;
            mine.UpdatedAt = mine.UpdatedAt.AddSeconds(2);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Ct));
            return 0;
        });
        Assert.Equal(400, await FeeAsync("juminhyo-copy"));
    }

    [Fact]
    public async Task Create_InOwnDivisionOnly_WithAUniqueSlug_AndItAppearsInTheGuide()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, Kodomo);
        var page = await StaffSession.GetPageAsync(client, "/staff/procedures/new");
        Assert.Equal([await DepartmentIdAsync("child-support")], page.QuerySelectorAll("#DepartmentId option").Select(o => o.GetAttribute("value")));

        var values = new Dictionary<string, StringValuesLike>
        {
            ["Input.Slug"] = "child-allowance",
            ["Input.TitleJa"] = "ひとり親家庭等医療費助成の申請",
            ["Input.TitleEn"] = "Apply for the single-parent medical subsidy",
            ["Input.SummaryJa"] = "ひとり親家庭などの医療費の自己負担分を助成します。",
            ["Input.SummaryEn"] = "The city pays your share of medical costs for single-parent families.",
            ["Input.Fee"] = "",
            ["Input.Channels"] = OnlineAndCounter,
            ["Input.RelatedSlugs"] = "child-allowance",
            ["Input.IsPublished"] = "true",
        };
        var taken = await SubmitAsync(client, page, values);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await Html.ParseAsync(taken);
        Assert.Contains("child-allowance", takenPage.QuerySelector("#Slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ひとり親家庭等医療費助成の申請", ((IHtmlInputElement)takenPage.QuerySelector("#TitleJa")!).Value);

        values["Input.Slug"] = "single-parent-medical";
        values["Input.DepartmentId"] = await DepartmentIdAsync("citizen-services");
        var otherDivision = await SubmitAsync(client, takenPage, values);
        Assert.Equal(HttpStatusCode.BadRequest, otherDivision.StatusCode);
        var otherPage = await Html.ParseAsync(otherDivision);
        Assert.NotNull(otherPage.QuerySelector("#DepartmentId-error"));

        values.Remove("Input.DepartmentId");
        var created = await SubmitAsync(client, otherPage, values);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/staff/procedures/single-parent-medical?done=created", created.Headers.Location!.OriginalString);

        using var api = _app.CreateClient();
        using var detail = JsonDocument.Parse(await api.GetStringAsync(new Uri("/api/v1/procedures/single-parent-medical", UriKind.Relative), Ct));
        Assert.Equal("child-support", detail.RootElement.GetProperty("department").GetProperty("code").GetString());
        Assert.True(detail.RootElement.GetProperty("online").GetBoolean());
        Assert.Equal(JsonValueKind.Null, detail.RootElement.GetProperty("fee").ValueKind);

        var audited = await _app.InOrganizationAsync("MSN", (db, _) =>
            db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(Procedure) && e.Action == "entity.created" && e.Actor.StartsWith("user:"), Ct));
        Assert.True(audited);
    }

    [Fact]
    public async Task Unpublishing_HidesItFromTheGuide()
    {
        using var client = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var page = await StaffSession.GetPageAsync(client, "/staff/procedures/seal-registration");
        using var api = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/procedures/seal-registration", UriKind.Relative), Ct)).StatusCode);
        Assert.Contains("\"seal-registration\"", await api.GetStringAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct), StringComparison.Ordinal); // read, so cached
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, page, new() { ["Input.IsPublished"] = Array.Empty<string>() })).StatusCode);

        // Gone from the API's list at once, not when its cached copy expires.
        Assert.DoesNotContain("\"seal-registration\"", await api.GetStringAsync(new Uri("/api/v1/procedures", UriKind.Relative), Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("/procedures/seal-registration", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri("/api/v1/procedures/seal-registration", UriKind.Relative), Ct)).StatusCode);
        var list = await StaffSession.GetPageAsync(client, "/staff/procedures");
        Assert.Contains("非公開", list.QuerySelector("tr[data-slug=seal-registration]")!.TextContent, StringComparison.Ordinal);
    }

    private Task<int?> FeeAsync(string slug) => FeeAsync(_app, slug);

    private static async Task<string> PublicPageTextAsync(HttpClient client, string slug)
    {
        var page = await Html.ParseAsync(await client.GetAsync(new Uri($"/procedures/{slug}", UriKind.Relative), Ct));
        return page.QuerySelector("main")!.TextContent;
    }

    private static Task<int?> FeeAsync(MadoguchiApp app, string slug) =>
        app.InOrganizationAsync("MSN", async (db, _) => (await db.Set<Procedure>().AsNoTracking().SingleAsync(p => p.Slug == slug, Ct)).FeeYen);

    private Task<string> DepartmentIdAsync(string code) =>
        _app.InOrganizationAsync("MSN", async (db, _) =>
            (await db.Set<Madoguchi.Platform.Organizations.Department>().SingleAsync(d => d.Code == code, Ct)).Id.ToString());

    /// <summary>
    /// Posts the procedure form as a browser would: every input, checked box, textarea and select, with
    /// the given fields replaced (an empty list unticks every box of that name).
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, Dictionary<string, StringValuesLike> changes, string? action = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>("#procedure-form") ?? throw new InvalidOperationException("No procedure form on the page.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, values) in changes)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.AddRange(values.Values.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        using var content = new FormUrlEncodedContent(fields);
        var target = action ?? new Uri(page.Url).PathAndQuery;
        return await client.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>One or several form values for a name.</summary>
    private sealed class StringValuesLike(params string[] values)
    {
        public IReadOnlyList<string> Values { get; } = values;

        public static implicit operator StringValuesLike(string value) => new(value);

        public static implicit operator StringValuesLike(string[] values) => new(values);
    }
}
