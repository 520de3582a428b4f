using Madoguchi.Testing;

namespace Madoguchi.BrowserTests;

/// <summary>
/// One browser and one app (on its own SQLite database) shared by a test class whose tests only
/// read, so the suite does not pay an app start per test. Tests that change data start their own app.
/// </summary>
public sealed class BrowserAndApp : IAsyncLifetime
{
    public Browser Browser { get; } = new();
    public MadoguchiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Browser.InitializeAsync();
        App = await MadoguchiApp.StartKestrelAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Browser.DisposeAsync();
    }
}
