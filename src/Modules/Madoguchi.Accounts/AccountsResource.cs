using System.Resources;

[assembly: NeutralResourcesLanguage("ja")]

namespace Madoguchi.Accounts;

/// <summary>Marker for the module's UI strings in Resources/AccountsResource(.en).resx.</summary>
#pragma warning disable CA1052 // Marker type for IStringLocalizer<T>.
public sealed class AccountsResource;
#pragma warning restore CA1052
