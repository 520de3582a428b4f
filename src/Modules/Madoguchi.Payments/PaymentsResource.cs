using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Payments;

/// <summary>Marker for the module's UI strings in Resources/PaymentsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class PaymentsResource;
#pragma warning restore CA1052
