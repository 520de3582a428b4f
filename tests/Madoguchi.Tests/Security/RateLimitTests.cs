using System.Net;
using System.Text;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Security;

/// <summary>Sign-in, the public API and citizens' page posts answer 429 with Retry-After once over their limit.</summary>
public sealed class RateLimitTests
{
    private static void Assert429(HttpResponseMessage response, string what)
    {
        Assert.True(response.StatusCode == HttpStatusCode.TooManyRequests, $"{what}: {(int)response.StatusCode}");
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"{what}: Retry-After");
    }

    [Fact]
    public async Task SignIn_PublicApiPosts_AndPublicPagePosts_Get429WithRetryAfter_AfterTheLimit()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "3",
            ["RateLimits:PublicApiPerMinute"] = "5",
            ["RateLimits:PublicPostsPerMinute"] = "4",
        });
        using var client = SecurityApp.Client(app);

        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), SecurityApp.Ct);
        }

        Assert429(last, "sign-in");

        for (var i = 0; i < 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings/holds") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
            last = await client.SendAsync(request, SecurityApp.Ct);
        }

        Assert429(last, "POST /api/v1/bookings/holds");

        foreach (var path in new[] { "/apply/moving-in", "/bookings/moving-in-visit", "/public-comments/dx-plan-draft/opinion" })
        {
            for (var i = 0; i < 5; i++)
            {
                using var content = new FormUrlEncodedContent([new("x", "y")]);
                last = await client.PostAsync(new Uri(path, UriKind.Relative), content, SecurityApp.Ct);
            }

            Assert429(last, "POST " + path);
        }
    }
}
