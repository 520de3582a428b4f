using System.Collections.Concurrent;
using Madoguchi.Platform.Seeding;
using Microsoft.Playwright;

namespace Madoguchi.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). One browser per test class;
/// each test gets its own context (cookies, JavaScript on or off, viewport).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with scripts/test.sh, which installs Debian's Chromium.");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Cookies of staff members signed in once by this browser, by app and email (see <see cref="NewStaffPageAsync"/>).</summary>
    private readonly ConcurrentDictionary<string, string> _staffSessions = new(StringComparer.Ordinal);

    public async Task<IPage> NewPageAsync(Uri baseUri, bool javaScript = true, int width = 1280, int height = 900, string locale = "ja-JP", string? storageState = null)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUri.ToString(),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            StorageState = storageState,
        });
        // The suite shares two cores with the app under test and the other test projects: be patient
        // rather than flaky. A real failure still fails, only later.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        if (!javaScript)
        {
            Accessibility.RememberJavaScriptOff(page, Instance);
        }

        return page;
    }

    /// <summary>
    /// A page of a demo staff member (password sign-in, no second factor enrolled), on /staff. The first call
    /// for an app and email signs in through the sign-in page; later calls reuse that session's cookies in a
    /// new context, so a test class pays each staff sign-in (a deliberately slow password hash) once.
    /// Tests of signing in itself do not use this.
    /// </summary>
    public async Task<IPage> NewStaffPageAsync(Uri baseUri, string email, int width = 1280, int height = 800)
    {
        ArgumentNullException.ThrowIfNull(baseUri);
        var key = baseUri + " " + email;
        if (_staffSessions.TryGetValue(key, out var state))
        {
            var again = await NewPageAsync(baseUri, width: width, height: height, storageState: state);
            await again.GotoAsync("/staff");
            return again;
        }

        var page = await NewPageAsync(baseUri, width: width, height: height);
        await page.GotoAsync("/staff/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", DemoSeeder.DemoPassword);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        try
        {
            await page.WaitForURLAsync("**/staff");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{email} was not signed in: the browser shows {page.Url}: {await page.InnerTextAsync("main")}", e);
        }

        _staffSessions[key] = await page.Context.StorageStateAsync();
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
