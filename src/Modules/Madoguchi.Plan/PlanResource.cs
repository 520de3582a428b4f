using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Plan;

/// <summary>Marker for the module's UI strings in Resources/PlanResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class PlanResource;
#pragma warning restore CA1052
