using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Madoguchi.Testing;
using Madoguchi.Tests.ApiKeys;

namespace Madoguchi.Tests.Bookings;

/// <summary>The bookings API over HTTP: resources, availability, booking with Idempotency-Key, .ics, cancel, refusals.</summary>
public sealed class BookingsApiTests : IAsyncLifetime
{
    private MadoguchiApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:Enabled"] = "false", ["Bookings:MaintenanceEnabled"] = "false" });

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> FirstFreeSlotAsync(HttpClient client, string slug)
    {
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(3);
        var slots = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, $"/api/v1/resources/{slug}/availability?from={from:yyyy-MM-dd}&to={from.AddDays(20):yyyy-MM-dd}"));
        return slots.EnumerateArray().First(s => s.GetProperty("remaining").GetInt32() > 0);
    }

    private static HttpRequestMessage Post(string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return request;
    }

    [Fact]
    public async Task Resources_ListsCountersConsultationsAndFacilities_AndFiltersByKind()
    {
        using var client = _app.CreateClient();
        var all = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/resources"));
        Assert.Equal(["consultation", "counter", "facility"], all.EnumerateArray().Select(r => r.GetProperty("kind").GetString()).Distinct().Order());
        var facilities = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/api/v1/resources?kind=facility"));
        Assert.All(facilities.EnumerateArray(), r => Assert.Equal("facility", r.GetProperty("kind").GetString()));
        var hall = facilities.EnumerateArray().Single(r => r.GetProperty("slug").GetString() == "civic-hall-meeting-1");
        Assert.Equal(2400, hall.GetProperty("fees").GetProperty("nonResident").GetInt32());
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(client, "/api/v1/resources?kind=spaceship"), 400);
    }

    [Fact]
    public async Task LotteryDraw_IsRefusedToStaffOfAnotherDepartment_AndAllowedToAnAdmin()
    {
        var lotteryId = await _app.InOrganizationAsync("MSN", (db, _) =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Set<Madoguchi.Bookings.Lottery.FacilityLottery>().Select(l => l.Id), Ct));
        var path = new Uri($"/api/v1/lotteries/{lotteryId}/draw", UriKind.Relative);

        using var anonymous = _app.CreateClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync(path, null, Ct)).StatusCode);

        // 市民課 (citizen services) owns no facility: it may not draw the facilities' lottery.
        using var shimin = await Madoguchi.Tests.Identity.StaffSignIn.SignedInClientAsync(_app, Madoguchi.Tests.Identity.StaffSession.Shimin);
        var refused = await shimin.PostAsync(path, null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("施設を所管する課", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        using var admin = await Madoguchi.Tests.Identity.StaffSignIn.SignedInClientAsync(_app, Madoguchi.Tests.Identity.StaffSession.Admin);
        var allowed = await admin.PostAsync(path, null, Ct);
        Assert.True(allowed.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"An admin may draw (or is told why not yet): {allowed.StatusCode}");
    }

    [Fact]
    public async Task Availability_GivesIsoTimesWithOffset_AndSkipsWeekends()
    {
        using var client = _app.CreateClient();
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(2);
        var slots = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, $"/api/v1/resources/moving-in-visit/availability?from={from:yyyy-MM-dd}&to={from.AddDays(13):yyyy-MM-dd}"));
        Assert.NotEmpty(slots.EnumerateArray());
        Assert.All(slots.EnumerateArray(), s =>
        {
            var start = DateTimeOffset.Parse(s.GetProperty("start").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(TimeSpan.FromHours(9), start.Offset);
            Assert.True(start.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday);
            Assert.Equal(3, s.GetProperty("capacity").GetInt32());
        });
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(client, "/api/v1/resources/moving-in-visit/availability?from=2026-13-01"), 400);
        await ApiJson.AssertProblemAsync(await ApiJson.GetAsync(client, "/api/v1/resources/no-such/availability"), 404);
    }

    [Fact]
    public async Task Booking_Returns201WithLinks_IcsIsTextCalendar_AndCancelFreesThePlace()
    {
        using var client = _app.CreateClient();
        var slot = await FirstFreeSlotAsync(client, "moving-in-visit");
        var start = slot.GetProperty("start").GetString()!;
        var key = Guid.NewGuid().ToString();
        var body = new { resourceId = "moving-in-visit", start, name = "API 太郎", email = "api@example.jp", answers = new Dictionary<string, string> { ["people"] = "1" } };
        using var created = await client.SendAsync(Post("/api/v1/bookings", body, key), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var booking = await ApiJson.ReadAsync(created);
        Assert.Equal("confirmed", booking.GetProperty("status").GetString());
        Assert.Equal(start, booking.GetProperty("start").GetString());
        var reference = booking.GetProperty("reference").GetString()!;

        using var replay = await client.SendAsync(Post("/api/v1/bookings", body, key), Ct);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.True(replay.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(reference, (await ApiJson.ReadAsync(replay)).GetProperty("reference").GetString());
        await ApiJson.AssertProblemAsync(await client.SendAsync(Post("/api/v1/bookings", body with { }, "short"), Ct), 400);

        var icsUrl = new Uri(booking.GetProperty("icsUrl").GetString()!);
        using var ics = await client.GetAsync(new Uri(icsUrl.PathAndQuery, UriKind.Relative), Ct);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await ics.Content.ReadAsStringAsync(Ct))!;
        var evt = Assert.Single(calendar.Events);
        Assert.Equal(0, evt.Sequence);
        Assert.Equal("Asia/Tokyo", evt.DtStart!.TzId);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime, evt.DtStart.AsUtc);

        var token = System.Web.HttpUtility.ParseQueryString(new Uri(booking.GetProperty("manageUrl").GetString()!).Query)["token"];
        await ApiJson.AssertProblemAsync(await ApiJson.PostAsync(client, $"/api/v1/bookings/{reference}/cancel", new { token = "wrong" }), 404);
        using var cancelled = await ApiJson.PostAsync(client, $"/api/v1/bookings/{reference}/cancel", new { token });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await ApiJson.ReadAsync(cancelled)).GetProperty("status").GetString());
        using var after = await client.GetAsync(new Uri(icsUrl.PathAndQuery, UriKind.Relative), Ct);
        var cancelledEvent = Assert.Single(Ical.Net.Calendar.Load(await after.Content.ReadAsStringAsync(Ct))!.Events);
        Assert.Equal("CANCELLED", cancelledEvent.Status);
        Assert.Equal(1, cancelledEvent.Sequence);
    }

    [Fact]
    public async Task TheLastPlace_GoesToOne_TheOtherGets409WithAlternatives()
    {
        using var client = _app.CreateClient();
        var slot = await FirstFreeSlotAsync(client, "childcare-consultation");
        var start = slot.GetProperty("start").GetString()!;
        object Body(string email) => new { resourceId = "childcare-consultation", start, name = "最後 一枠", email, answers = new Dictionary<string, string> { ["topic"] = "離乳食" } };
        using var first = await client.SendAsync(Post("/api/v1/bookings", Body("tab1@example.jp")), Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var problem = await ApiJson.AssertProblemAsync(await client.SendAsync(Post("/api/v1/bookings", Body("tab2@example.jp")), Ct), 409);
        Assert.Equal("full", problem.GetProperty("reason").GetString());
        Assert.NotEmpty(problem.GetProperty("alternatives").EnumerateArray());
        Assert.DoesNotContain(problem.GetProperty("alternatives").EnumerateArray(), a => a.GetProperty("start").GetString() == start);
    }

    [Fact]
    public async Task InvalidBookings_AreProblems_400ForFields_409ForRules()
    {
        using var client = _app.CreateClient();
        var slot = await FirstFreeSlotAsync(client, "moving-in-visit");
        var start = slot.GetProperty("start").GetString()!;
        var invalid = await ApiJson.AssertProblemAsync(await client.SendAsync(Post("/api/v1/bookings", new { resourceId = "moving-in-visit", start, name = "", email = "x" }), Ct), 400);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("email", out _));
        var past = await ApiJson.AssertProblemAsync(await client.SendAsync(Post("/api/v1/bookings", new { resourceId = "moving-in-visit", start = "2020-01-06T10:00:00+09:00", name = "過去", email = "past@example.jp", answers = new { people = "1" } }), Ct), 409);
        Assert.Equal("in-the-past", past.GetProperty("reason").GetString());
        var odd = await ApiJson.AssertProblemAsync(await client.SendAsync(Post("/api/v1/bookings", new { resourceId = "moving-in-visit", start = start.Replace(":00:00+", ":07:00+", StringComparison.Ordinal).Replace(":30:00+", ":07:00+", StringComparison.Ordinal), name = "半端", email = "odd@example.jp", answers = new { people = "1" } }), Ct), 409);
        Assert.Equal("not-a-slot", odd.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentsTheBookingEndpoints_WithTheIdempotencyHeader()
    {
        using var client = _app.CreateClient();
        var document = await ApiJson.ReadAsync(await ApiJson.GetAsync(client, "/openapi/v1.json"));
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/resources", "/api/v1/resources/{id}/availability", "/api/v1/bookings", "/api/v1/bookings/{reference}/ics", "/api/v1/bookings/{reference}/cancel", "/api/v1/lotteries/{id}" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }

        var parameters = paths.GetProperty("/api/v1/bookings").GetProperty("post").GetProperty("parameters");
        Assert.Contains(parameters.EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
    }
}
