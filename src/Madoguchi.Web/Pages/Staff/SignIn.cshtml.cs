using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Madoguchi.Web.Pages.Staff;

/// <summary>Staff sign-in with email and password (works without JavaScript), or with a passkey (JavaScript).</summary>
[EnableRateLimiting(WebSetup.SignInRateLimit)]
public sealed partial class SignInModel(
    SignInManager<StaffUser> signIn,
    IOptions<DemoOptions> demo,
    IStringLocalizer<SharedResource> t,
    SecurityAudit audit,
    ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    public const string PasskeyButtonId = "passkey-sign-in";

    public bool DemoMode => demo.Value.Enabled;

    /// <summary>Errors in page order: field id (for the summary link) and message.</summary>
    public List<(string FieldId, string Message)> Errors { get; } = [];

    public string? FieldError(string fieldId) => Errors.FirstOrDefault(e => e.FieldId == fieldId).Message;

    public IActionResult OnGet() =>
        signIn.IsSignedIn(User) ? LocalRedirect(StaffSignIn.SafeReturnUrl(ReturnUrl)) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        Password ??= "";
        Email = Email?.Trim();
        if (string.IsNullOrEmpty(Email))
        {
            Errors.Add(("email", t["SignInEmailRequired"]));
        }

        if (Password.Length == 0)
        {
            Errors.Add(("password", t["SignInPasswordRequired"]));
        }

        if (Errors.Count > 0)
        {
            return Failed();
        }

        var user = await signIn.UserManager.FindByNameAsync(Email!);
        if (user is null)
        {
            return Failed(t["SignInFailed"]);
        }

        if (user.IsDemo && !demo.Value.Enabled)
        {
            LogDemoAccountRefused(logger, user.Id);
            return Failed(t["SignInFailed"]);
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        return await OutcomeAsync(result, user);
    }

    /// <summary>JSON for <c>navigator.credentials.get()</c> (discoverable passkeys: no user yet).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        var options = await signIn.MakePasskeyRequestOptionsAsync(null);
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (string.IsNullOrEmpty(CredentialJson))
        {
            return Failed(t["SignInPasskeyFailed"], PasskeyButtonId);
        }

        var assertion = await signIn.PerformPasskeyAssertionAsync(CredentialJson);
        if (!assertion.Succeeded)
        {
            LogPasskeyFailed(logger, assertion.Failure?.Message);
            return Failed(t["SignInPasskeyFailed"], PasskeyButtonId);
        }

        var user = assertion.User;
        if (user.IsDemo && !demo.Value.Enabled)
        {
            LogDemoAccountRefused(logger, user.Id);
            return Failed(t["SignInPasskeyFailed"], PasskeyButtonId);
        }

        if (await signIn.UserManager.IsLockedOutAsync(user))
        {
            return Failed(t["SignInLockedOut"]);
        }

        if (!await signIn.CanSignInAsync(user))
        {
            return Failed(t["SignInNotAllowed"]);
        }

        // Keep the passkey's sign count and flags current, as SignInManager.PasskeySignInAsync does.
        var updated = await signIn.UserManager.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        if (!updated.Succeeded)
        {
            return Failed(t["SignInPasskeyFailed"], PasskeyButtonId);
        }

        await signIn.UserManager.ResetAccessFailedCountAsync(user);

        // A passkey with user verification is possession plus biometrics or PIN: a second factor in itself.
        await signIn.SignInWithSecondFactorAsync(user);
        await audit.RecordAsync(SecurityAudit.SignedIn, user.Id, "passkey");
        return LocalRedirect(StaffSignIn.SafeReturnUrl(ReturnUrl));
    }

    private async Task<IActionResult> OutcomeAsync(Microsoft.AspNetCore.Identity.SignInResult result, StaffUser user)
    {
        if (result.Succeeded)
        {
            await audit.RecordAsync(SecurityAudit.SignedIn, user.Id, "password");
            return LocalRedirect(StaffSignIn.SafeReturnUrl(ReturnUrl));
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Staff/TwoFactor", new { returnUrl = StaffSignIn.SafeReturnUrl(ReturnUrl) });
        }

        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            await audit.RecordAsync(SecurityAudit.LockedOut, user.Id, "password");
            return Failed(t["SignInLockedOut"]);
        }

        await audit.RecordAsync(SecurityAudit.SignInFailed, user.Id, "password");
        return Failed(result.IsNotAllowed ? t["SignInNotAllowed"] : t["SignInFailed"]);
    }

    /// <summary>Shows the form again with the typed email kept and the password never sent back.</summary>
    private PageResult Failed(string? message = null, string fieldId = "email")
    {
        if (message is not null)
        {
            Errors.Add((fieldId, message));
        }

        Password = null;
        ModelState.Remove(nameof(Password));
        Response.StatusCode = StatusCodes.Status200OK;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in to demo account {UserId} refused outside demo mode.")]
    private static partial void LogDemoAccountRefused(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff account {UserId} is locked out after repeated sign-in failures.")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Passkey sign-in failed: {Reason}")]
    private static partial void LogPasskeyFailed(ILogger logger, string? reason);
}
