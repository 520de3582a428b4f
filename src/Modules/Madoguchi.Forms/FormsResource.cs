using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Forms;

/// <summary>Marker for the module's UI strings in Resources/FormsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class FormsResource;
#pragma warning restore CA1052
