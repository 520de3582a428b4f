namespace Madoguchi.Platform.Seeding;

/// <summary>Sections <c>Seed</c> and <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    /// <summary>
    /// <c>Seed:Demo</c>: seed the demo organisation on an empty database, and run in demo mode
    /// (documented demo passwords accepted, second factor optional). On in Development only.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary><c>Demo:ApiKey</c>: when set, the demo organisation has an API key with every scope and this secret.</summary>
    public string? ApiKey { get; set; }
}
