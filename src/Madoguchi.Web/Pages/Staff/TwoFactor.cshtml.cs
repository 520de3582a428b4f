using Madoguchi.Platform.Identity;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Web.Pages.Staff;

/// <summary>Second step of sign-in: a code from the authenticator app, or a recovery code.</summary>
[AllowAnonymous]
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public sealed partial class TwoFactorModel(
    SignInManager<StaffUser> signIn,
    IStringLocalizer<SharedResource> t,
    Madoguchi.Platform.Audit.SecurityAudit audit,
    ILogger<TwoFactorModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>True: ask for a recovery code instead of an authenticator code.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public List<(string FieldId, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? BackToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return BackToSignIn();
        }

        // Recovery codes look like "abcde-12345": keep the hyphen; authenticator codes lose spaces and hyphens.
        var code = Recovery ? (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim() : StaffSignIn.CleanCode(Code);
        if (code.Length == 0)
        {
            return Failed(Recovery ? t["RecoveryCodeRequired"] : t["TwoFactorCodeRequired"]);
        }

        Microsoft.AspNetCore.Identity.SignInResult result;
        if (Recovery)
        {
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(code);
            if (!result.Succeeded && !result.IsLockedOut)
            {
                // Identity does not count wrong recovery codes; we do, so they lead to lockout too.
                await signIn.UserManager.AccessFailedAsync(user);
                if (await signIn.UserManager.IsLockedOutAsync(user))
                {
                    result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
                }
            }
        }
        else
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
            if (!result.Succeeded && !result.IsLockedOut && await signIn.UserManager.IsLockedOutAsync(user))
            {
                result = Microsoft.AspNetCore.Identity.SignInResult.LockedOut;
            }
        }

        var method = Recovery ? "recovery-code" : "totp";
        if (result.Succeeded)
        {
            await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.SignedIn, user.Id, method);
            return LocalRedirect(StaffSignIn.SafeReturnUrl(ReturnUrl));
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.LockedOut, user.Id, method);
            return Failed(t["SignInLockedOut"]);
        }

        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.SignInFailed, user.Id, method);
        return Failed(Recovery ? t["RecoveryCodeWrong"] : t["TwoFactorCodeWrong"]);
    }

    private RedirectToPageResult BackToSignIn() =>
        RedirectToPage("/Staff/SignIn", new { returnUrl = ReturnUrl });

    private PageResult Failed(string message)
    {
        Errors.Add(("code", message));
        Code = null;
        ModelState.Remove(nameof(Code));
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff account {UserId} is locked out after repeated second-factor failures.")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);
}
