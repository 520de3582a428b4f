using Microsoft.Playwright;

namespace Madoguchi.BrowserTests.Identity;

/// <summary>Chromium's virtual authenticator (DevTools' WebAuthn domain): a platform passkey device that always says yes.</summary>
internal static class VirtualAuthenticator
{
    /// <summary>Attaches one to the page's browser context, for staff and citizen passkey tests alike.</summary>
    public static async Task AddAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
