using System.Net;
using Madoguchi.Testing;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Identity;

public sealed class TwoFactorTests
{
    [Fact]
    public async Task AfterTotpEnrolment_SignInAsksForTheCode_AndTheRightCodeLandsOnStaffHome()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin);
        var (key, _) = await EnrolTotpAsync(client);
        var security = await GetPageAsync(client, "/staff/security");
        Assert.Contains("有効です", security.QuerySelector("#totp-status")!.TextContent, StringComparison.Ordinal);
        await SignOutAsync(client);

        var response = await SignInAsync(client, Shimin);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct)).StatusCode);

        var page = await GetPageAsync(client, "/staff/two-factor");
        var input = page.QuerySelector("#code")!;
        Assert.Equal("one-time-code", input.GetAttribute("autocomplete"));
        Assert.Equal("numeric", input.GetAttribute("inputmode"));
        Assert.NotNull(page.QuerySelector("label[for=code]"));

        var done = await EnterCodeAsync(client, Code(key));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/staff", done.Headers.Location?.OriginalString);
        await GetPageAsync(client, "/staff");
    }

    [Fact]
    public async Task WrongTotpCode_SaysSoAndCountsTowardLockout()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin);
        var (key, _) = await EnrolTotpAsync(client);
        await SignOutAsync(client);
        await SignInAsync(client, Shimin);

        var summary = await ErrorSummaryAsync(await EnterCodeAsync(client, WrongCode(key)));
        Assert.Contains("確認コードが正しくありません", summary, StringComparison.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            await EnterCodeAsync(client, WrongCode(key));
        }

        var fifth = await ErrorSummaryAsync(await EnterCodeAsync(client, WrongCode(key)));
        Assert.Contains("一時的に使えません", fifth, StringComparison.Ordinal);
        var afterLockout = await ErrorSummaryAsync(await EnterCodeAsync(client, Code(key)));
        Assert.Contains("一時的に使えません", afterLockout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecoveryCode_WorksOnce()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin);
        var (_, codes) = await EnrolTotpAsync(client);
        await SignOutAsync(client);

        await SignInAsync(client, Shimin);
        var first = await EnterCodeAsync(client, codes[0], recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/staff", first.Headers.Location?.OriginalString);
        var security = await GetPageAsync(client, "/staff/security");
        Assert.Contains("9", security.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        await SignOutAsync(client);

        await SignInAsync(client, Shimin);
        var again = await ErrorSummaryAsync(await EnterCodeAsync(client, codes[0], recovery: true));
        Assert.Contains("すでに使われています", again, StringComparison.Ordinal);
        var other = await EnterCodeAsync(client, codes[1], recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Fact]
    public async Task TwoFactorPage_WithoutPasswordStep_GoesBackToSignIn()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync(new Uri("/staff/two-factor", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrolmentWithWrongCode_SaysSoAndLeavesTotpOff()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin);
        var page = await GetPageAsync(client, "/staff/security");
        Assert.NotNull(page.QuerySelector("img[src^='data:image/png;base64,'][alt]"));
        var key = page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var response = await Html.SubmitAsync(client, page, "#enable-totp-form", new Dictionary<string, string> { ["Code"] = WrongCode(key) });
        var summary = await ErrorSummaryAsync(response);
        Assert.Contains("確認コードが正しくありません", summary, StringComparison.Ordinal);
        await SignOutAsync(client);
        Assert.Equal("/staff", (await SignInAsync(client, Shimin)).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task RegeneratingRecoveryCodes_ShowsTenNewOnes_AndOldOnesStopWorking()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Shimin);
        var (_, old) = await EnrolTotpAsync(client);
        var page = await GetPageAsync(client, "/staff/security");
        var response = await Html.SubmitAsync(client, page, "form[action*='RegenerateCodes']", new Dictionary<string, string>());
        var fresh = (await Html.ParseAsync(response)).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, fresh.Count);
        await SignOutAsync(client);

        await SignInAsync(client, Shimin);
        await ErrorSummaryAsync(await EnterCodeAsync(client, old[0], recovery: true));
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(client, fresh[0], recovery: true)).StatusCode);
    }
}
