using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Madoguchi.Web.Infrastructure;

/// <summary>Authorization policies: staff pages by role (cookie sign-in), the API by key scope.</summary>
public static class StaffPolicies
{
    public const string Staff = "staff";
    public const string SystemAdmin = "staff:system-admin";
    public const string ItPolicy = "staff:it-policy";

    public static string Scope(string scope) => "scope:" + scope;

    public static void Configure(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Staff, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.All));
        options.AddPolicy(SystemAdmin, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireRole(StaffRoles.SystemAdmin));
        options.AddPolicy(ItPolicy, p => p
            .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
            .RequireRole(StaffRoles.ItPolicy, StaffRoles.SystemAdmin));
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy(Scope(scope), p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, scope));
        }
    }
}
