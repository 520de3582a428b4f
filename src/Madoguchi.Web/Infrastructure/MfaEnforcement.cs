using Madoguchi.Platform.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Madoguchi.Web.Infrastructure;

/// <summary>
/// Outside demo mode, staff must use a second factor. A member signed in with a password only (no
/// <c>amr=mfa</c> claim, which SignInManager adds after a TOTP or recovery code and the sign-in page
/// adds after a passkey) may reach only the security page (to enrol), sign-out and the sign-in steps;
/// every other staff page sends them to <c>/staff/security</c>, which says why.
/// </summary>
public sealed class MfaEnforcementMiddleware(RequestDelegate next, IOptions<DemoOptions> demo)
{
    public const string SecurityPath = "/staff/security";
    public const string AmrClaim = "amr";
    public const string MfaValue = "mfa";

    private static readonly string[] AllowedPaths =
        [SecurityPath, "/staff/sign-out", "/staff/sign-in", "/staff/two-factor", "/staff/access-denied"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!demo.Value.Enabled && MustEnrol(context))
        {
            context.Response.Redirect(SecurityPath);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool MustEnrol(HttpContext context)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || AllowedPaths.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var user = context.User;
        var staffCookie = user.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);
        return staffCookie && !user.HasClaim(AmrClaim, MfaValue);
    }
}

public static class MfaEnforcementExtensions
{
    /// <summary>Adds <see cref="MfaEnforcementMiddleware"/>; call after authentication.</summary>
    public static IApplicationBuilder UseMfaEnforcement(this IApplicationBuilder app) =>
        app.UseMiddleware<MfaEnforcementMiddleware>();
}
