using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;
using Madoguchi.Tests.Identity;

namespace Madoguchi.Tests.Security;

/// <summary>
/// Stored cross-site scripting: what a citizen types is later shown to staff (booking names on the staff calendar,
/// form answers on the citizen's status page and the staff case page). Payloads that break out of text, attributes and URLs must come back as text:
/// no element, attribute or URL of the payload exists in the staff page's DOM, and the text reads as typed.
/// </summary>
public sealed class StoredXssTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Markup a browser would run if it were not escaped (each fits the fields' length limits).</summary>
    public static readonly TheoryData<string> Payloads = new()
    {
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "'><svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "</td></tr><iframe src=//evil>",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task BookingName_OnTheStaffCalendar_IsShownAsText(string payload)
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var citizen = app.CreateClient();
        var from = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(9)).AddDays(3);
        var slots = await citizen.GetFromJsonAsync<JsonArray>($"/api/v1/resources/moving-in-visit/availability?from={from:yyyy-MM-dd}&to={from.AddDays(20):yyyy-MM-dd}", Ct);
        var start = slots!.First(s => s!["remaining"]!.GetValue<int>() > 0)!["start"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(new { resourceId = "moving-in-visit", start, name = payload, email = "xss@example.jp", answers = new Dictionary<string, string> { ["people"] = "1" } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await citizen.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var staff = await StaffSignIn.SignedInClientAsync(app, StaffSession.Shimin);
        var week = DateOnly.FromDateTime(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.AddHours(9));
        var page = await StaffSession.GetPageAsync(staff, $"/staff/bookings?resource=moving-in-visit&week={week:yyyy-MM-dd}");
        Assert.Contains(page.QuerySelectorAll("td"), td => td.TextContent.Trim() == payload);
        AssertInert(page);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task FormAnswer_IsShownAsText_OnTheStatusPageAndTheStaffCasePage(string payload)
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        using var citizen = app.CreateClient();
        var answers = JsonNode.Parse(TestForms.ValidAnswers())!.AsObject();
        answers["members"]![0]!["memberName"] = payload;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent(new JsonObject { ["answers"] = answers }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await citizen.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = (await created.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var status = new Uri(receipt["statusUrl"]!.GetValue<string>()).AbsolutePath;
        var page = await Html.ParseAsync(await citizen.GetAsync(new Uri(status, UriKind.Relative), Ct));
        Assert.Contains(page.QuerySelectorAll(".summary-list--answers dd"), dd => dd.TextContent.Contains(payload, StringComparison.Ordinal));
        AssertInert(page);

        // The staff member of 市民課 opens the case the submission became (intake runs through the outbox).
        using var api = app.CreateApiClient();
        string? caseId = null;
        for (var i = 0; i < 150 && caseId is null; i++)
        {
            var cases = await api.GetFromJsonAsync<JsonObject>($"/api/v1/cases?procedure={TestForms.Slug}", Ct);
            caseId = cases!["items"]!.AsArray().FirstOrDefault(c => c!["receiptNumber"]!.GetValue<string>() == receipt["receiptNumber"]!.GetValue<string>())?["id"]?.GetValue<string>();
            if (caseId is null)
            {
                await Task.Delay(200, Ct);
            }
        }

        Assert.NotNull(caseId);
        using var staff = await StaffSignIn.SignedInClientAsync(app, StaffSession.Shimin);
        var casePage = await StaffSession.GetPageAsync(staff, $"/staff/cases/{caseId}");
        Assert.Contains(casePage.QuerySelectorAll("dd, td, li"), e => e.TextContent.Contains(payload, StringComparison.Ordinal));
        AssertInert(casePage);
    }

    /// <summary>Nothing of the payloads became markup: no script, iframe, svg or img from them, no event handler, no javascript: URL.</summary>
    private static void AssertInert(IDocument page)
    {
        Assert.DoesNotContain(page.QuerySelectorAll("script"), s => s.TextContent.Contains("alert", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("iframe, svg[onload], img[onerror]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(page.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
    }
}
