using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Madoguchi.Bookings.Lottery;
using Madoguchi.Bookings.Scheduling;
using Madoguchi.Platform.Audit;
using Madoguchi.Testing;
using Madoguchi.Tests.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Tests.Bookings;

/// <summary>
/// Staff set up bookable resources and lotteries through the real pages (/staff/bookings/resources,
/// /staff/bookings/lotteries/new) after the real sign-in: department scope by role, validation in Japanese
/// and English that keeps what was typed, the capacity refusal that protects existing reservations, the
/// concurrency check, and the audit trail.
/// </summary>
public sealed class StaffResourcesTests : IAsyncLifetime
{
    /// <summary>市民課 approver (決裁者): may edit 市民課's counters, not 生涯学習スポーツ課's facilities.</summary>
    private const string ShiminKacho = "shimin-kacho@musashino.example";

    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_ShowsOwnDepartment_EditOnlyForApproversOfIt_AndEverythingForSystemAdmins()
    {
        using var shimin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        var list = await StaffSession.GetPageAsync(shimin, "/staff/bookings/resources");
        var slugs = list.QuerySelectorAll("#resources tbody tr").Select(r => r.GetAttribute("data-slug")).ToList();
        Assert.Equal(["moving-in-visit", "bereavement-visit"], slugs);
        Assert.Null(list.QuerySelector("tr[data-slug=moving-in-visit] a[href$='/edit']"));
        Assert.Contains("閲覧のみ", list.QuerySelector("tr[data-slug=moving-in-visit]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(list.QuerySelector("#new-resource"));

        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var own = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources");
        Assert.NotNull(own.QuerySelector("tr[data-slug=moving-in-visit] a[href='/staff/bookings/resources/moving-in-visit/edit']"));
        Assert.Null(own.QuerySelector("tr[data-slug=civic-hall-meeting-1]"));
        Assert.NotNull(own.QuerySelector("#new-resource"));

        using var admin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var all = await StaffSession.GetPageAsync(admin, "/staff/bookings/resources");
        Assert.Equal(8, all.QuerySelectorAll("#resources tbody tr").Length); // every demo resource, 市民健診 included
        Assert.NotNull(all.QuerySelector("tr[data-slug=civic-hall-meeting-1] a[href='/staff/bookings/resources/civic-hall-meeting-1/edit']"));
    }

    [Fact]
    public async Task CitizenServices_CannotOpenOrSaveAFacility_NorCanPlainStaffEditTheirCounter_ButSystemAdminCan()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        AssertDenied(await kacho.GetAsync(new Uri("/staff/bookings/resources/civic-hall-meeting-1/edit", UriKind.Relative), Ct));

        // A hand-made post (their own counter's form, aimed at the facility) changes nothing.
        var own = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/moving-in-visit/edit");
        AssertDenied(await SubmitAsync(kacho, own, new() { ["Input.Capacity"] = "9" }, "/staff/bookings/resources/civic-hall-meeting-1/edit"));
        Assert.Equal(1, (await ResourceAsync("civic-hall-meeting-1")).Capacity);

        using var shimin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Shimin);
        AssertDenied(await shimin.GetAsync(new Uri("/staff/bookings/resources/moving-in-visit/edit", UriKind.Relative), Ct));
        AssertDenied(await shimin.GetAsync(new Uri("/staff/bookings/resources/new", UriKind.Relative), Ct));

        using var admin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var page = await StaffSession.GetPageAsync(admin, "/staff/bookings/resources/civic-hall-meeting-1/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(admin, page, new() { ["Input.Capacity"] = "2" })).StatusCode);
        Assert.Equal(2, (await ResourceAsync("civic-hall-meeting-1")).Capacity);
    }

    [Fact]
    public async Task Edit_SavesHoursFeesAndQuestions_ThePublicSeesThem_AndTheChangeIsAudited()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var page = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/moving-in-visit/edit");
        Assert.Equal("8:30", ((IHtmlInputElement)page.QuerySelector("#Hours_0")!).Value);
        Assert.Equal("people", ((IHtmlInputElement)page.QuerySelector("#Q0_Key")!).Value);

        var response = await SubmitAsync(kacho, page, new()
        {
            ["Input.NameEn"] = "Moving in (Citizen Services counter)",
            ["Input.Hours[1]"] = "12:00",   // Monday: 8:30–12:00 and 13:00–17:00
            ["Input.Hours[2]"] = "１３：００",
            ["Input.Hours[3]"] = "17:00",
            ["Input.FeeNonResident"] = "５００円",
            ["Input.Questions[2].Key"] = "language",
            ["Input.Questions[2].LabelJa"] = "希望する言語",
            ["Input.Questions[2].LabelEn"] = "Language you prefer",
            ["Input.Questions[2].Kind"] = "Choice",
            ["Input.Questions[2].Choices"] = "日本語 / Japanese\r\nEnglish\r\n",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/bookings/resources/moving-in-visit/edit?done=saved", response.Headers.Location!.OriginalString);

        var saved = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/moving-in-visit/edit?done=saved");
        Assert.Contains("保存しました", saved.QuerySelector("#saved")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("13:00", ((IHtmlInputElement)saved.QuerySelector("#Hours_2")!).Value);
        Assert.Equal("500", ((IHtmlInputElement)saved.QuerySelector("#FeeNonResident")!).Value);

        var resource = await ResourceAsync("moving-in-visit");
        Assert.Equal([(new TimeOnly(8, 30), new TimeOnly(12, 0)), (new TimeOnly(13, 0), new TimeOnly(17, 0))], resource.Hours.On(DayOfWeek.Monday).Select(p => (p.Opens, p.Closes)));
        Assert.Equal(new TimeOnly(8, 30), Assert.Single(resource.Hours.On(DayOfWeek.Tuesday)).Opens);
        var language = resource.Questions.Single(q => q.Key == "language");
        Assert.Equal(["日本語 / Japanese", "English"], language.Choices);
        Assert.Equal("moving-in-advance", resource.ProcedureSlug);

        using var resident = _app.CreateBrowserLikeClient();
        var detail = await StaffSession.GetPageAsync(resident, "/bookings/moving-in-visit?culture=en&ui-culture=en");
        Assert.Contains("Moving in (Citizen Services counter)", detail.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        var audit = await _app.InOrganizationAsync("MSN", (db, _) =>
            db.Set<AuditEntry>().Where(e => e.EntityType == nameof(Resource) && e.EntityId == resource.Id.ToString() && e.Action == "entity.modified").ToListAsync(Ct));
        var entry = Assert.Single(audit);
        Assert.StartsWith("user:", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("Hours", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("500", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_SaysWhatToDoInJapanese_LinksEachProblem_KeepsWhatWasTyped_AndSavesNothing()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var page = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/moving-in-visit/edit");
        var response = await SubmitAsync(kacho, page, new()
        {
            ["Input.NameJa"] = "",
            ["Input.IsOnline"] = "true",
            ["Input.Capacity"] = "三",
            ["Input.Hours[4]"] = "9時",
            ["Input.Hours[9]"] = "8:00",
            ["Input.ProcedureSlug"] = "no-such-procedure",
            ["Input.Questions[2].Key"] = "for-whom",
            ["Input.Questions[2].LabelJa"] = "対象",
            ["Input.Questions[2].LabelEn"] = "Who",
            ["Input.Questions[2].Kind"] = "Choice",
            ["Input.Questions[2].Choices"] = "本人",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var result = await Html.ParseAsync(response);
        var links = result.QuerySelectorAll(".error-summary[role=alert] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#NameJa", "#VideoBaseUrl", "#Capacity", "#Hours_4", "#Hours_9", "#Q2_Choices", "#ProcedureSlug"], links);
        Assert.Equal("「名称（日本語）」を入力してください。", result.QuerySelector("#NameJa-error")!.TextContent.Trim());
        Assert.Contains("1から500までの整数", result.QuerySelector("#Capacity-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("火曜日の受付1", result.QuerySelector("#Hours_4-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("水曜日の受付1の終了は、開始より後", result.QuerySelector("#Hours_9-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ビデオ通話のURL", result.QuerySelector("#VideoBaseUrl-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2つ以上", result.QuerySelector("#Q2_Choices-error")!.TextContent, StringComparison.Ordinal);

        Assert.Equal("三", ((IHtmlInputElement)result.QuerySelector("#Capacity")!).Value);
        Assert.Equal("9時", ((IHtmlInputElement)result.QuerySelector("#Hours_4")!).Value);
        Assert.Equal("本人", ((IHtmlTextAreaElement)result.QuerySelector("#Q2_Choices")!).Value);
        Assert.True(((IHtmlInputElement)result.QuerySelector("#IsOnline")!).IsChecked);
        Assert.Equal("true", result.QuerySelector("#Capacity")!.GetAttribute("aria-invalid"));
        Assert.Contains("Capacity-error", result.QuerySelector("#Capacity")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(result.QuerySelector("#Q3_Key")); // a blank row is still offered

        var unchanged = await ResourceAsync("moving-in-visit");
        Assert.Equal(3, unchanged.Capacity);
        Assert.False(unchanged.IsOnline);
    }

    [Fact]
    public async Task Refused_InEnglish_WhenTheStaffMemberUsesEnglish()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        const string path = "/staff/bookings/resources/moving-in-visit/edit?culture=en&ui-culture=en";
        var page = await StaffSession.GetPageAsync(kacho, path);
        var response = await SubmitAsync(kacho, page, new() { ["Input.Capacity"] = "three", ["Input.Hours[0]"] = "9h" }, path);
        var result = await Html.ParseAsync(response);
        Assert.Equal("Enter “Places per slot” as a whole number from 1 to 500 (for example 1).", result.QuerySelector("#Capacity-error")!.TextContent.Trim());
        Assert.Equal("Enter both times of Monday period 1 like 9:00, or leave both empty when closed.", result.QuerySelector("#Hours_0-error")!.TextContent.Trim());
        Assert.Equal("three", ((IHtmlInputElement)result.QuerySelector("#Capacity")!).Value);
    }

    [Fact]
    public async Task CapacityBelowPlacesAlreadyTaken_IsRefusedWithThoseSlots_AndAFittingOneReachesTheSlots()
    {
        DateTime start;
        await using (var s = BookingsScope.Open(_app, TimeProvider.System))
        {
            var resource = await s.ResourceAsync("moving-in-visit");
            start = FutureSlot(resource, 3);
            Assert.Equal(Refusal.None, (await s.Bookings.HoldAsync(resource, start, Ct)).Refusal);
            Assert.Equal(Refusal.None, (await s.Bookings.HoldAsync(resource, start, Ct)).Refusal);
        }

        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var page = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/moving-in-visit/edit");
        var refused = await SubmitAsync(kacho, page, new() { ["Input.Capacity"] = "1", ["Input.NameEn"] = "Moving in" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var result = await Html.ParseAsync(refused);
        Assert.Contains("定員を2以上にする", result.QuerySelector("#Capacity-error")!.TextContent, StringComparison.Ordinal);
        var listed = Assert.Single(result.QuerySelectorAll("#capacity-conflicts li"));
        Assert.Contains(Tokyo.ToLocal(start).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), listed.TextContent, StringComparison.Ordinal);
        Assert.Equal("Moving in", ((IHtmlInputElement)result.QuerySelector("#NameEn")!).Value);
        Assert.Equal(3, (await ResourceAsync("moving-in-visit")).Capacity);

        var saved = await SubmitAsync(kacho, result, new() { ["Input.Capacity"] = "2" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var after = BookingsScope.Open(_app, TimeProvider.System);
        var resourceAfter = await after.ResourceAsync("moving-in-visit");
        Assert.Equal(2, resourceAfter.Capacity);
        var slot = await after.SlotAsync(resourceAfter, start);
        Assert.Equal((2, 2), (slot!.Capacity, slot.Taken));
        Assert.Equal(Refusal.Full, (await after.Bookings.HoldAsync(resourceAfter, start, Ct)).Refusal);
    }

    [Fact]
    public async Task SomeoneElseSavedMeanwhile_NothingIsOverwritten_WhatWasTypedIsKept_AndASecondSaveWins()
    {
        using var first = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        using var second = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var firstPage = await StaffSession.GetPageAsync(first, "/staff/bookings/resources/bereavement-visit/edit");
        var secondPage = await StaffSession.GetPageAsync(second, "/staff/bookings/resources/bereavement-visit/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(second, secondPage, new() { ["Input.LocationJa"] = "本庁舎1階 おくやみ窓口（3番）" })).StatusCode);

        var conflict = await SubmitAsync(first, firstPage, new() { ["Input.FeeResident"] = "0", ["Input.DescriptionJa"] = "担当者がご案内します。" });
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await Html.ParseAsync(conflict);
        Assert.Contains("ほかの職員が先に保存しました", page.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("担当者がご案内します。", ((IHtmlTextAreaElement)page.QuerySelector("#DescriptionJa")!).Value);
        Assert.Equal("本庁舎1階 おくやみ窓口（3番）", (await ResourceAsync("bereavement-visit")).LocationJa);

        // Saving again from the conflict page is a decision made knowingly: it wins.
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(first, page, [])).StatusCode);
        Assert.Equal("担当者がご案内します。", (await ResourceAsync("bereavement-visit")).DescriptionJa);
    }

    [Fact]
    public async Task Create_ACounterOfOwnDepartment_WithAUniqueSlug_IsAudited_AndResidentsCanBookIt()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var page = await StaffSession.GetPageAsync(kacho, "/staff/bookings/resources/new");
        Assert.Equal([await DepartmentIdAsync("citizen-services")], page.QuerySelectorAll("#DepartmentId option").Select(o => o.GetAttribute("value")));

        var values = new Dictionary<string, StringValuesLike>
        {
            ["Input.Slug"] = "moving-in-visit",
            ["Input.NameJa"] = "マイナンバーカードの受け取り",
            ["Input.NameEn"] = "Collecting your My Number Card",
            ["Input.LocationJa"] = "本庁舎1階 市民課 6番",
            ["Input.LocationEn"] = "City Hall, 1st floor, Citizen Services desk 6",
            ["Input.Capacity"] = "2",
            ["Input.IsPublished"] = "true",
        };
        var taken = await SubmitAsync(kacho, page, values);
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        var takenPage = await Html.ParseAsync(taken);
        Assert.Contains("moving-in-visit", takenPage.QuerySelector("#Slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("マイナンバーカードの受け取り", ((IHtmlInputElement)takenPage.QuerySelector("#NameJa")!).Value);

        values["Input.Slug"] = "mynumber-card-pickup";
        values["Input.DepartmentId"] = await DepartmentIdAsync("lifelong-learning");
        var otherDepartment = await Html.ParseAsync(await SubmitAsync(kacho, takenPage, values));
        Assert.NotNull(otherDepartment.QuerySelector("#DepartmentId-error"));

        values.Remove("Input.DepartmentId");
        var created = await SubmitAsync(kacho, otherDepartment, values);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/staff/bookings/resources/mynumber-card-pickup/edit?done=created", created.Headers.Location!.OriginalString);

        var resource = await ResourceAsync("mynumber-card-pickup");
        Assert.Equal(new TimeOnly(8, 30), Assert.Single(resource.Hours.On(DayOfWeek.Friday)).Opens);
        Assert.Empty(resource.Hours.On(DayOfWeek.Sunday));
        await using (var s = BookingsScope.Open(_app, TimeProvider.System))
        {
            var hold = await s.Bookings.HoldAsync(resource, FutureSlot(resource, 2), Ct);
            Assert.Equal(Refusal.None, hold.Refusal);
        }

        using var resident = _app.CreateBrowserLikeClient();
        var bookings = await StaffSession.GetPageAsync(resident, "/bookings");
        Assert.NotNull(bookings.QuerySelector("a[href='/bookings/mynumber-card-pickup']"));
        Assert.True(await _app.InOrganizationAsync("MSN", (db, _) =>
            db.Set<AuditEntry>().AnyAsync(e => e.EntityType == nameof(Resource) && e.EntityId == resource.Id.ToString() && e.Action == "entity.created" && e.Actor.StartsWith("user:"), Ct)));
    }

    [Fact]
    public async Task Lottery_IsValidated_RefusesSlotsAlreadyBooked_ThenReservesItsSlots()
    {
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        AssertDenied(await kacho.GetAsync(new Uri("/staff/bookings/lotteries/new", UriKind.Relative), Ct));

        var room = await ResourceAsync("civic-hall-japanese-room");
        var today = Tokyo.Today(TimeProvider.System);
        var booked = FutureSlot(room, 41);
        var from = Tokyo.DateOf(booked).AddDays(-1);
        var to = from.AddDays(6);
        await using (var s = BookingsScope.Open(_app, TimeProvider.System))
        {
            Assert.Equal(Refusal.None, (await s.Bookings.HoldAsync(room, booked, Ct)).Refusal);
        }

        using var admin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var page = await StaffSession.GetPageAsync(admin, "/staff/bookings/lotteries/new");
        var roomBox = page.QuerySelectorAll<IHtmlInputElement>("input[name='Input.ResourceIds']").Single(i => i.Value == room.Id.ToString());
        string Jst(DateOnly day, string time) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " " + time;
        var values = new Dictionary<string, StringValuesLike>
        {
            ["Input.TitleJa"] = "市民会館 和室の抽選",
            ["Input.TitleEn"] = "Civic Hall Japanese-style Room lottery",
            ["Input.ResourceIds"] = roomBox.Value,
            ["Input.PeriodFrom"] = Jst(from, "").Trim(),
            ["Input.PeriodTo"] = Jst(to, "").Trim(),
            ["Input.OpensAt"] = Jst(today.AddDays(5), "09:00"),
            ["Input.ClosesAt"] = Jst(today.AddDays(1), "17:00"),
            ["Input.DrawAt"] = Jst(today.AddDays(39), "10:00"),
            ["Input.MaxWishes"] = "３",
            ["Input.MaxWins"] = "1",
            ["Input.ConfirmDays"] = "7",
        };
        var refused = await SubmitAsync(admin, page, values, formSelector: "#lottery-form");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await Html.ParseAsync(refused);
        Assert.Equal("申込の締切は、受付開始より後にしてください。", refusedPage.QuerySelector("#ClosesAt-error")!.TextContent.Trim());
        Assert.Equal("３", ((IHtmlInputElement)refusedPage.QuerySelector("#MaxWishes")!).Value);
        Assert.True(refusedPage.QuerySelectorAll<IHtmlInputElement>("input[name='Input.ResourceIds']").Single(i => i.Value == room.Id.ToString()).IsChecked);

        values["Input.ClosesAt"] = Jst(today.AddDays(12), "17:00");
        var drawTooLate = await Html.ParseAsync(await SubmitAsync(admin, refusedPage, values, formSelector: "#lottery-form"));
        Assert.Contains("最初の枠", drawTooLate.QuerySelector("#DrawAt-error")!.TextContent, StringComparison.Ordinal);

        values["Input.DrawAt"] = Jst(today.AddDays(13), "10:00");
        var alreadyBooked = await Html.ParseAsync(await SubmitAsync(admin, drawTooLate, values, formSelector: "#lottery-form"));
        Assert.Contains("すでに先着順で予約", alreadyBooked.QuerySelector("#PeriodFrom-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Tokyo.ToLocal(booked).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), Assert.Single(alreadyBooked.QuerySelectorAll("#taken-slots li")).TextContent, StringComparison.Ordinal);

        values["Input.PeriodFrom"] = Jst(from.AddDays(2), "").Trim();
        var created = await SubmitAsync(admin, alreadyBooked, values, formSelector: "#lottery-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await StaffSession.GetPageAsync(admin, "/staff/bookings/lotteries");
        Assert.Contains("市民会館 和室の抽選", list.QuerySelector("#message")!.TextContent, StringComparison.Ordinal);

        var (lottery, reserved) = await _app.InOrganizationAsync("MSN", async (db, _) =>
        {
            var l = await db.Set<FacilityLottery>().SingleAsync(x => x.TitleJa == "市民会館 和室の抽選", Ct);
            return (l, await db.Set<Slot>().CountAsync(s => s.LotteryId == l.Id, Ct));
        });
        Assert.Equal(Tokyo.ToUtc(today.AddDays(13), new TimeOnly(10, 0)), lottery.DrawAt);
        Assert.Equal(lottery.DrawAt!.Value.AddDays(7), lottery.ConfirmBy);
        Assert.Equal((3, 1), (lottery.MaxApplicationsPerGroup, lottery.MaxWinsPerGroup));
        Assert.Equal(Enumerable.Range(2, 5).Sum(d => Schedule.SlotTimes(room, from.AddDays(d)).Count()), reserved);
    }

    [Fact]
    public async Task GroupApproval_IsForTheFacilityDepartmentOrSystemAdmins_AndIsAudited()
    {
        var pending = await _app.InOrganizationAsync("MSN", (db, _) => db.Set<UserGroup>().SingleAsync(g => g.Status == GroupStatus.Pending, Ct));
        using var kacho = await StaffSignIn.SignedInClientAsync(_app, ShiminKacho);
        var page = await StaffSession.GetPageAsync(kacho, "/staff/bookings/lotteries");
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => (f.GetAttribute("action") ?? "").Contains(pending.Id.ToString(), StringComparison.Ordinal));
        form.Id = "approve";
        AssertDenied(await Html.SubmitAsync(kacho, page, "#approve", new Dictionary<string, string>()));
        Assert.Equal(GroupStatus.Pending, await StatusAsync(pending.Id));

        using var admin = await StaffSignIn.SignedInClientAsync(_app, StaffSession.Admin);
        var adminPage = await StaffSession.GetPageAsync(admin, "/staff/bookings/lotteries");
        adminPage.QuerySelectorAll<IHtmlFormElement>("form").First(f => (f.GetAttribute("action") ?? "").Contains(pending.Id.ToString(), StringComparison.Ordinal)).Id = "approve";
        Assert.Equal(HttpStatusCode.Redirect, (await Html.SubmitAsync(admin, adminPage, "#approve", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(GroupStatus.Approved, await StatusAsync(pending.Id));

        var entry = await _app.InOrganizationAsync("MSN", (db, _) =>
            db.Set<AuditEntry>().SingleAsync(e => e.EntityType == nameof(UserGroup) && e.EntityId == pending.Id.ToString() && e.Action == "entity.modified", Ct));
        Assert.StartsWith("user:", entry.Actor, StringComparison.Ordinal);
        Assert.Contains("Status", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(pending.Email, entry.Details, StringComparison.Ordinal);
    }

    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>The first slot at least <paramref name="daysAhead"/> days from now that the rules let anyone book.</summary>
    private static DateTime FutureSlot(Resource resource, int daysAhead)
    {
        var now = DateTime.UtcNow;
        for (var day = Tokyo.Today(TimeProvider.System).AddDays(daysAhead); ; day = day.AddDays(1))
        {
            foreach (var (start, _) in Schedule.SlotTimes(resource, day))
            {
                if (Schedule.CheckTime(resource, start, now) == Refusal.None)
                {
                    return start;
                }
            }
        }
    }

    private Task<Resource> ResourceAsync(string slug) =>
        _app.InOrganizationAsync("MSN", (db, _) => db.Set<Resource>().AsNoTracking().SingleAsync(r => r.Slug == slug, Ct));

    private Task<GroupStatus> StatusAsync(Guid id) =>
        _app.InOrganizationAsync("MSN", async (db, _) => (await db.Set<UserGroup>().AsNoTracking().SingleAsync(g => g.Id == id, Ct)).Status);

    private Task<string> DepartmentIdAsync(string code) =>
        _app.InOrganizationAsync("MSN", async (db, _) =>
            (await db.Set<Madoguchi.Platform.Organizations.Department>().SingleAsync(d => d.Code == code, Ct)).Id.ToString());

    /// <summary>
    /// Posts a form as a browser would: every input, checked box, textarea and select, with the given
    /// fields replaced (an empty list unticks every box of that name).
    /// </summary>
    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, IDocument page, Dictionary<string, StringValuesLike> changes, string? action = null, string formSelector = "#resource-form")
    {
        var form = page.QuerySelector<IHtmlFormElement>(formSelector) ?? throw new InvalidOperationException("No form " + formSelector + " on the page.");
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
