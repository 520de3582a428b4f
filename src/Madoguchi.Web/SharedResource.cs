namespace Madoguchi.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource(.en).resx. Japanese is the neutral language.</summary>
#pragma warning disable CA1052 // A marker type for IStringLocalizer<T>; never instantiated.
public sealed class SharedResource;
#pragma warning restore CA1052
