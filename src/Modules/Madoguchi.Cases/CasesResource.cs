using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Cases;

/// <summary>Marker for the module's UI strings in Resources/CasesResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class CasesResource;
#pragma warning restore CA1052
