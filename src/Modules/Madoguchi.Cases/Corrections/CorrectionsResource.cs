// The assembly's NeutralResourcesLanguage("ja") is declared once, in CasesResource.cs.
namespace Madoguchi.Cases.Corrections;

/// <summary>Marker for the 補正依頼 form's UI strings in Resources/Corrections/CorrectionsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class CorrectionsResource;
#pragma warning restore CA1052
