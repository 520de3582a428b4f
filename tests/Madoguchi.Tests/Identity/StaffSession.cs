using System.Net;
using AngleSharp.Dom;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Madoguchi.Tests.Identity;

/// <summary>Drives the staff identity pages as a browser without JavaScript would.</summary>
internal static class StaffSession
{
    public const string Admin = "admin@musashino.example";
    public const string Shimin = "shimin@musashino.example";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<IDocument> GetPageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = DemoSeeder.DemoPassword)
    {
        var page = await GetPageAsync(client, "/staff/sign-in");
        return await Html.SubmitAsync(client, page, "#sign-in-form", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
    }

    public static async Task<HttpResponseMessage> EnterCodeAsync(HttpClient client, string code, bool recovery = false)
    {
        var page = await GetPageAsync(client, recovery ? "/staff/two-factor?recovery=true" : "/staff/two-factor");
        return await Html.SubmitAsync(client, page, "#two-factor-form", new Dictionary<string, string> { ["Code"] = code });
    }

    public static async Task SignOutAsync(HttpClient client)
    {
        var page = await GetPageAsync(client, "/staff/sign-out");
        var response = await Html.SubmitAsync(client, page, "#sign-out-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Turns on TOTP from the security page; returns the key (base32) and the recovery codes shown once.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTotpAsync(HttpClient client)
    {
        var page = await GetPageAsync(client, "/staff/security");
        var key = page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var response = await Html.SubmitAsync(client, page, "#enable-totp-form", new Dictionary<string, string> { ["Code"] = Code(key) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(response);
        var codes = result.QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    public static string Code(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    /// <summary>A different, wrong, six-digit code.</summary>
    public static string WrongCode(string base32Key)
    {
        var right = int.Parse(Code(base32Key), System.Globalization.CultureInfo.InvariantCulture);
        return ((right + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<string> ErrorSummaryAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        var summary = page.QuerySelector(".error-summary[role=alert]");
        Assert.NotNull(summary);
        return summary.TextContent;
    }

    /// <summary>An app outside demo mode, with the demo organisation seeded into its database as an operator would.</summary>
    public static async Task<MadoguchiApp> StartOutsideDemoModeAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Seed:Demo"] = "false" };
        var app = await MadoguchiApp.StartAsync(settings: all);
        await using var scope = app.Services.CreateAsyncScope();
        await DemoSeeder.SeedAsync(scope.ServiceProvider, new DemoOptions { Enabled = true }, Ct);
        return app;
    }

    /// <summary>Makes a seeded demo member a real one (not a demo account) with its own password.</summary>
    public static Task<string> MakeRealMemberAsync(MadoguchiApp app, string email) =>
        app.InOrganizationAsync(DemoSeeder.OrganizationCode, async (_, services) =>
        {
            const string password = "Real-Password-For-Tests-42";
            var users = services.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByNameAsync(email) ?? throw new InvalidOperationException(email);
            user.IsDemo = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Assert.True((await users.ResetPasswordAsync(user, token, password)).Succeeded);
            return password;
        });
}
