using System.Net;
using Madoguchi.Testing;

namespace Madoguchi.Tests.Identity;

/// <summary>A client signed in as a demo staff member through the real sign-in page (demo mode: no second factor yet).</summary>
internal static class StaffSignIn
{
    public static async Task<HttpClient> SignedInClientAsync(MadoguchiApp app, string userName)
    {
        var client = app.CreateBrowserLikeClient();
        var response = await StaffSession.SignInAsync(client, userName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
