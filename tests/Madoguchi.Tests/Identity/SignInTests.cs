using System.Net;
using Madoguchi.Testing;
using static Madoguchi.Tests.Identity.StaffSession;

namespace Madoguchi.Tests.Identity;

public sealed class SignInTests
{
    [Fact]
    public async Task SignIn_WithDemoPasswordInDemoMode_LandsOnStaffHomeWithNameRolesAndDepartments()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();

        var response = await SignInAsync(client, Admin);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        var home = await GetPageAsync(client, "/staff");
        Assert.Equal("職員ホーム", home.QuerySelector("h1")!.TextContent);
        Assert.Contains("システム 管理者", home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("システム管理者", home.QuerySelector("#roles")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("情報政策課", home.QuerySelector("#departments")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector("a[href='/staff/security']"));
    }

    [Fact]
    public async Task StaffHome_WhenSignedOut_RedirectsToSignInWithReturnUrl_AndSignInGoesBack()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();

        var challenge = await client.GetAsync(new Uri("/staff/security", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!.ToString();
        Assert.Contains("/staff/sign-in", location, StringComparison.Ordinal);

        var page = await GetPageAsync(client, new Uri(location).PathAndQuery);
        var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = Admin, ["Password"] = Madoguchi.Platform.Seeding.DemoSeeder.DemoPassword });
        Assert.Equal("/staff/security", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithExternalReturnUrl_GoesToStaffHomeInstead()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        var page = await GetPageAsync(client, "/staff/sign-in?returnUrl=%2F%2Fevil.example%2F");
        var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = Admin, ["Password"] = Madoguchi.Platform.Seeding.DemoSeeder.DemoPassword });
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData(Admin, "wrong-password-123")]
    [InlineData("nobody@musashino.example", "Madoguchi-Demo-2026")]
    public async Task SignIn_WithWrongEmailOrPassword_SaysSoWithoutSayingWhichAndKeepsTheEmail(string email, string password)
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();

        var response = await SignInAsync(client, email, password);

        var summary = await ErrorSummaryAsync(response);
        Assert.Contains("メールアドレスまたはパスワードが正しくありません", summary, StringComparison.Ordinal);
        var page = await Html.ParseAsync(response);
        Assert.Equal(email, page.QuerySelector("#email")!.GetAttribute("value"));
        Assert.True(string.IsNullOrEmpty(page.QuerySelector("#password")!.GetAttribute("value")));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#email']"));
        Assert.Equal("true", page.QuerySelector("#email")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_LinksEachErrorToItsField()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        var response = await SignInAsync(client, "", "");
        var page = await Html.ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#email']"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#password']"));
        Assert.NotNull(page.QuerySelector("#password-error"));
    }

    [Fact]
    public async Task SignIn_InEnglish_SaysSoInEnglish()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await client.GetAsync(new Uri("/language/en", UriKind.Relative), Ct);
        var page = await GetPageAsync(client, "/staff/sign-in");
        var response = await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = Admin, ["Password"] = "nope-nope-nope" });
        var summary = await ErrorSummaryAsync(response);
        Assert.Contains("The email address or password is not right", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_RefusesEvenTheRightOneAndSaysWhenToRetry()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 4; i++)
        {
            var summary = await ErrorSummaryAsync(await SignInAsync(client, Shimin, "wrong-password-" + i));
            Assert.Contains("正しくありません", summary, StringComparison.Ordinal);
        }

        var fifth = await ErrorSummaryAsync(await SignInAsync(client, Shimin, "wrong-password-5"));
        Assert.Contains("15分", fifth, StringComparison.Ordinal);

        var sixth = await SignInAsync(client, Shimin);
        var message = await ErrorSummaryAsync(sixth);
        Assert.Contains("一時的に使えません", message, StringComparison.Ordinal);
        Assert.Contains("15分", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_OnlyByPost_SignsOutAndGoesHome()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Admin);

        await GetPageAsync(client, "/staff/sign-out"); // GET only asks
        await GetPageAsync(client, "/staff");

        await SignOutAsync(client);
        var after = await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/staff/sign-in", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_FromTheHeaderOfAnyPage_Works()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Admin);
        var home = await GetPageAsync(client, "/");
        var response = await Html.SubmitAsync(client, home, "header form[action='/staff/sign-out']", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(new Uri("/staff", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        await SignInAsync(client, Admin);
        using var empty = new FormUrlEncodedContent([]);
        var response = await client.PostAsync(new Uri("/staff/sign-out", UriKind.Relative), empty, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await GetPageAsync(client, "/staff");
    }

    [Fact]
    public async Task AccessDenied_Says403InPlainWords()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        var response = await client.GetAsync(new Uri("/staff/access-denied", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Equal("このページを使う権限がありません", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SignIn_OverTheRateLimit_Answers429()
    {
        await using var app = await MadoguchiApp.StartAsync(settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = app.CreateBrowserLikeClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await client.GetAsync(new Uri("/staff/sign-in", UriKind.Relative), Ct)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
