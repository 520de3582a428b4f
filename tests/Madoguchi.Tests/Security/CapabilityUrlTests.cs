using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Madoguchi.Testing;
using Madoguchi.Testing.Forms;

namespace Madoguchi.Tests.Security;

/// <summary>
/// Capability URLs (receipt status, booking manage, draft resume, booking hold): guessed or random tokens get 404
/// and no data; a real token of Musashino presented on another organisation's host gets 404 too.
/// </summary>
public sealed class CapabilityUrlTests
{
    private static string RandomToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    [Fact]
    public async Task GuessedTokens_Get404_AndARealTokenOnAnotherOrganizationsHost_Gets404()
    {
        await using var app = await MadoguchiApp.StartAsync();
        await TestForms.PublishAsync(app);
        await SecurityApp.AddOtherOrganizationAsync(app);
        using var citizen = SecurityApp.Client(app);

        // A real submission: its status URL works on Musashino's host.
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/procedures/{TestForms.Slug}/submissions")
        {
            Content = new StringContent($"{{ \"answers\": {TestForms.ValidAnswers()} }}", Encoding.UTF8, "application/json"),
        };
        submit.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var created = await citizen.SendAsync(submit, SecurityApp.Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var statusPath = new Uri((await created.Content.ReadFromJsonAsync<JsonObject>(SecurityApp.Ct))!["statusUrl"]!.GetValue<string>()).AbsolutePath;
        using (var own = await citizen.GetAsync(new Uri(statusPath, UriKind.Relative), SecurityApp.Ct))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            Assert.Contains("武蔵野", await own.Content.ReadAsStringAsync(SecurityApp.Ct), StringComparison.Ordinal);
        }

        // The real token with its first character changed (its last one only carries 4 bits, and the real token
        // ended in "A" one run in 64, which made the "guess" the real token).
        var guesses = new List<string>
        {
            "/status/" + RandomToken(), "/status/AAAAAAAAAAAAAAAA", "/status/" + (statusPath[8] == 'A' ? 'B' : 'A') + statusPath[9..], "/status/MSN-2026-000001",
            "/apply/resume/" + RandomToken(), "/apply/resume/0000000000",
            "/bookings/manage/B-2026-000001?token=" + RandomToken(), "/bookings/manage/B-2026-000001", "/bookings/manage/0000000000?token=0000000000",
            "/bookings/hold/" + RandomToken(),
            "/api/v1/bookings/B-2026-000001?token=" + RandomToken(), "/api/v1/bookings/B-2026-000001/ics?token=0000000000",
        };
        foreach (var path in guesses)
        {
            using var response = await citizen.GetAsync(new Uri(path, UriKind.Relative), SecurityApp.Ct);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(SecurityApp.Ct);
            Assert.DoesNotContain("武蔵野 花子", body, StringComparison.Ordinal);
            Assert.DoesNotContain("taro@example.jp", body, StringComparison.Ordinal);
        }

        using var onOtherHost = SecurityApp.Client(app, SecurityApp.OtherHost);
        using var foreign = await onOtherHost.GetAsync(new Uri(statusPath, UriKind.Relative), SecurityApp.Ct);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("武蔵野", await foreign.Content.ReadAsStringAsync(SecurityApp.Ct), StringComparison.Ordinal);
    }
}
