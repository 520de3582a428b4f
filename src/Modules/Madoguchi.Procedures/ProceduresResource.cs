using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Procedures;

/// <summary>Marker for the module's UI strings in Resources/ProceduresResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class ProceduresResource;
#pragma warning restore CA1052
