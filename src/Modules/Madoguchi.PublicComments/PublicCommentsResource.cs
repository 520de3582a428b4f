using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.PublicComments;

/// <summary>Marker for the module's UI strings in Resources/PublicCommentsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class PublicCommentsResource;
#pragma warning restore CA1052
