using System.Security.Claims;
using Madoguchi.Platform.Identity;
using Microsoft.AspNetCore.Identity;

namespace Madoguchi.Web.Pages.Staff;

/// <summary>Helpers shared by the staff identity pages.</summary>
internal static class StaffSignIn
{
    /// <summary>The <c>amr</c> value SignInManager adds after a second factor; passkey sign-ins get it from us.</summary>
    public const string AmrClaim = "amr";
    public const string MfaValue = "mfa";

    /// <summary>A local path to go back to, or <c>/staff</c>.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.Contains('\r', StringComparison.Ordinal) && !returnUrl.Contains('\n', StringComparison.Ordinal)
            ? returnUrl
            : "/staff";

    /// <summary>Signs in again with <c>amr=mfa</c>: the member has just proved a second factor (TOTP enrolment, passkey).</summary>
    public static Task SignInWithSecondFactorAsync(this SignInManager<StaffUser> signIn, StaffUser user) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AmrClaim, MfaValue)]);

    public static bool HasSecondFactor(ClaimsPrincipal principal) =>
        principal.HasClaim(AmrClaim, MfaValue);

    /// <summary>Normalises a typed code: drops spaces and hyphens.</summary>
    public static string CleanCode(string? code) =>
        (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal).Trim();
}
