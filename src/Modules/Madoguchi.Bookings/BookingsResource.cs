using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Bookings;

/// <summary>Marker for the module's UI strings in Resources/BookingsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class BookingsResource;
#pragma warning restore CA1052
