using System.Net;
using Madoguchi.Testing;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Identity;

/// <summary>Outside demo mode: demo passwords are refused and a second factor is required.</summary>
public sealed class OutsideDemoModeTests
{
    [Fact]
    public async Task DemoPassword_OutsideDemoMode_IsRefusedWithTheGenericMessage()
    {
        await using var app = await StartOutsideDemoModeAsync();
        using var client = app.CreateBrowserLikeClient();

        var response = await SignInAsync(client, Admin);

        var summary = await ErrorSummaryAsync(response);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task MemberWithoutSecondFactor_IsSentToSecurityPage_UntilTotpIsEnrolled()
    {
        await using var app = await StartOutsideDemoModeAsync();
        var password = await MakeRealMemberAsync(app, Shimin);
        using var client = app.CreateBrowserLikeClient();

        var signIn = await SignInAsync(client, Shimin, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var home = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/staff/security", home.Headers.Location?.OriginalString);

        var security = await GetPageAsync(client, "/staff/security");
        Assert.NotNull(security.QuerySelector("#mfa-required"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/css/site.css", UriKind.Relative), Ct)).StatusCode);

        var (key, _) = await EnrolTotpAsync(client);
        var after = await GetPageAsync(client, "/staff");
        Assert.Equal("職員ホーム", after.QuerySelector("h1")!.TextContent);

        // Next time the code is asked for, and with it the member gets in.
        await SignOutAsync(client);
        var again = await SignInAsync(client, Shimin, password);
        Assert.StartsWith("/staff/two-factor", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(client, Code(key))).StatusCode);
        await GetPageAsync(client, "/staff");
    }

    [Fact]
    public async Task OnlyFactor_CannotBeTurnedOffOutsideDemoMode()
    {
        await using var app = await StartOutsideDemoModeAsync();
        var password = await MakeRealMemberAsync(app, Shimin);
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin, password);
        await EnrolTotpAsync(client);

        var page = await GetPageAsync(client, "/staff/security");
        var response = await Html.SubmitAsync(client, page, "form[action*='DisableTotp']", new Dictionary<string, string>());
        var summary = await ErrorSummaryAsync(response);
        Assert.Contains("パスキー", summary, StringComparison.Ordinal);
        Assert.Contains("有効です", (await GetPageAsync(client, "/staff/security")).QuerySelector("#totp-status")!.TextContent, StringComparison.Ordinal);
    }
}
