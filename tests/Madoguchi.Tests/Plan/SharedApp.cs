using Madoguchi.Testing;

namespace Madoguchi.Tests.Plan;

/// <summary>One app (own SQLite database) for a test class whose tests only read the demo data.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    public MadoguchiApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await MadoguchiApp.StartAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
