using System.Collections.Concurrent;
using Madoguchi.Platform.Seeding;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Madoguchi.BrowserTests.SharedChromiumLifetime))]

namespace Madoguchi.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser). One Chromium for the test process
/// (<see cref="SharedChromium"/>), and one of these per test class: each test gets its own context (cookies,
/// JavaScript on or off, viewport), and the contexts a class opened close when the class is done.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly ConcurrentBag<IBrowserContext> _contexts = [];

    public IBrowser Instance { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Instance = await SharedChromium.GetAsync();

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
        _contexts.Add(context);
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

    /// <summary>Closes the contexts this class opened (what closing a browser of its own did); the browser stays for the next class.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed, or the browser is gone.
            }
        }
    }
}

/// <summary>
/// The Chromium that every test class of this process shares. Launching Chromium and Playwright's driver for each
/// class cost seconds of CPU each time on two cores; contexts keep the tests apart (no cookie, storage or cache is
/// shared between contexts). Closed by <see cref="SharedChromiumLifetime"/> after the last test.
/// </summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<IBrowser> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is { IsConnected: true })
            {
                return _browser;
            }

            if (!File.Exists(Browser.ChromiumPath))
            {
                throw new InvalidOperationException($"{Browser.ChromiumPath} is missing: run the tests with scripts/test.sh, which installs Debian's Chromium.");
            }

            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Browser.ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    internal static async ValueTask CloseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
                _browser = null;
            }

            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            Gate.Release();
        }
    }
}

/// <summary>Closes the shared Chromium when every test of the assembly has run.</summary>
public sealed class SharedChromiumLifetime : IAsyncDisposable
{
    public ValueTask DisposeAsync() => SharedChromium.CloseAsync();
}
