using System.Globalization;
using System.Text;
using Madoguchi.Platform.Identity;
using Madoguchi.Platform.Seeding;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Madoguchi.Web.Pages.Staff;

/// <summary>
/// The member's own second factors: an authenticator app (TOTP) with recovery codes, and passkeys.
/// Outside demo mode at least one second factor must remain.
/// </summary>
public sealed partial class SecurityModel(
    SignInManager<StaffUser> signIn,
    IOptions<DemoOptions> demo,
    TenantContext tenant,
    IStringLocalizer<SharedResource> t,
    Madoguchi.Platform.Audit.SecurityAudit audit,
    ILogger<SecurityModel> logger) : PageModel
{
    private UserManager<StaffUser> Users => signIn.UserManager;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyId { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    [TempData]
    public string? Status { get; set; }

    public bool DemoMode => demo.Value.Enabled;
    public bool MustEnrol { get; private set; }
    public bool TotpEnabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public List<(string FieldId, string Message)> Errors { get; } = [];

    public sealed record PasskeyRow(string Id, string Name, DateTimeOffset CreatedAt);

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Users.GetUserAsync(User);
        return user is null ? Challenge() : await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostEnableTotpAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        var code = StaffSignIn.CleanCode(Code);
        if (code.Length == 0 || !await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Errors.Add(("code", code.Length == 0 ? t["TwoFactorCodeRequired"] : t["SecurityCodeWrong"]));
            Code = null;
            ModelState.Remove(nameof(Code));
            return await ShowAsync(user);
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.SignInWithSecondFactorAsync(user);
        LogTotpEnabled(logger, user.Id);
        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.TotpEnabled, user.Id);
        Status = null;
        ViewData["Notice"] = t["SecurityTotpEnabled"].Value;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostRegenerateCodesAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        NewRecoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.RecoveryCodesRegenerated, user.Id);
        ViewData["Notice"] = t["SecurityRecoveryRegenerated"].Value;
        return await ShowAsync(user);
    }

    public async Task<IActionResult> OnPostDisableTotpAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!DemoMode && (await Users.GetPasskeysAsync(user)).Count == 0)
        {
            Errors.Add(("disable-totp", t["SecurityTotpDisableNeedsPasskey"]));
            return await ShowAsync(user);
        }

        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        LogTotpDisabled(logger, user.Id);
        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.TotpDisabled, user.Id);
        Status = t["SecurityTotpDisabled"];
        return RedirectToPage();
    }

    /// <summary>JSON for <c>navigator.credentials.create()</c>.</summary>
    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = await Users.GetUserIdAsync(user),
            Name = user.UserName ?? user.Email ?? user.Id.ToString(),
            DisplayName = string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (string.IsNullOrEmpty(CredentialJson))
        {
            return await PasskeyFailedAsync(user, null);
        }

        var attestation = await signIn.PerformPasskeyAttestationAsync(CredentialJson);
        if (!attestation.Succeeded || attestation.UserEntity.Id != await Users.GetUserIdAsync(user))
        {
            return await PasskeyFailedAsync(user, attestation.Failure?.Message);
        }

        var passkey = attestation.Passkey;
        var existing = (await Users.GetPasskeysAsync(user)).Count;
        passkey.Name = existing == 0
            ? t["SecurityPasskeyDefaultName"]
            : $"{t["SecurityPasskeyDefaultName"]} {(existing + 1).ToString(CultureInfo.CurrentCulture)}";
        var added = await Users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
        {
            return await PasskeyFailedAsync(user, string.Join("; ", added.Errors.Select(e => e.Code)));
        }

        await signIn.SignInWithSecondFactorAsync(user);
        LogPasskeyAdded(logger, user.Id);
        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.PasskeyAdded, user.Id);
        Status = t["SecurityPasskeyAdded"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenamePasskeyAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var passkey = await FindPasskeyAsync(user);
        if (passkey is null)
        {
            return RedirectToPage();
        }

        var name = PasskeyName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Errors.Add(("passkey-name-" + PasskeyId, t["SecurityPasskeyNameRequired"]));
            return await ShowAsync(user);
        }

        passkey.Name = name.Length > 100 ? name[..100] : name;
        await Users.AddOrUpdatePasskeyAsync(user, passkey);
        Status = t["SecurityPasskeyRenamed"];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync()
    {
        var user = await Users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var passkey = await FindPasskeyAsync(user);
        if (passkey is null)
        {
            return RedirectToPage();
        }

        if (!DemoMode && !user.TwoFactorEnabled && (await Users.GetPasskeysAsync(user)).Count <= 1)
        {
            Errors.Add(("passkey-remove-" + PasskeyId, t["SecurityPasskeyRemoveLast"]));
            return await ShowAsync(user);
        }

        await Users.RemovePasskeyAsync(user, passkey.CredentialId);
        await signIn.RefreshSignInAsync(user);
        LogPasskeyRemoved(logger, user.Id);
        await audit.RecordAsync(Madoguchi.Platform.Audit.SecurityAudit.PasskeyRemoved, user.Id);
        Status = t["SecurityPasskeyRemoved"];
        return RedirectToPage();
    }

    private async Task<UserPasskeyInfo?> FindPasskeyAsync(StaffUser user)
    {
        if (string.IsNullOrEmpty(PasskeyId))
        {
            return null;
        }

        byte[] id;
        try
        {
            id = WebEncoders.Base64UrlDecode(PasskeyId);
        }
        catch (FormatException)
        {
            return null;
        }

        return await Users.GetPasskeyAsync(user, id);
    }

    private async Task<IActionResult> PasskeyFailedAsync(StaffUser user, string? reason)
    {
        LogPasskeyAddFailed(logger, user.Id, reason);
        Errors.Add(("passkey-add", t["SecurityPasskeyAddFailed"]));
        return await ShowAsync(user);
    }

    private async Task<PageResult> ShowAsync(StaffUser user)
    {
        TotpEnabled = await Users.GetTwoFactorEnabledAsync(user);
        MustEnrol = !DemoMode && !StaffSignIn.HasSecondFactor(User);
        if (TotpEnabled)
        {
            RecoveryCodesLeft = await Users.CountRecoveryCodesAsync(user);
        }
        else
        {
            var key = await Users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await Users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user); // the security stamp changed with the key
                key = await Users.GetAuthenticatorKeyAsync(user) ?? "";
            }

            SharedKey = FormatKey(key);
            QrCodeDataUri = QrCode(AuthenticatorUri(user, key));
        }

        Passkeys = [.. (await Users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), string.IsNullOrEmpty(p.Name) ? t["SecurityPasskeyDefaultName"] : p.Name, p.CreatedAt))];
        return Page();
    }

    private string AuthenticatorUri(StaffUser user, string key)
    {
        var issuer = "Madoguchi " + (tenant.Organization?.NameJa ?? "");
        var account = user.Email ?? user.UserName ?? "";
        return $"otpauth://totp/{Uri.EscapeDataString(issuer.Trim())}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer.Trim())}&digits=6";
    }

    /// <summary>The key in groups of four, lower case, as authenticator apps show it.</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                result.Append(' ');
            }

            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return result.ToString().ToLowerInvariant();
    }

    private static string QrCode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.Q);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} turned on an authenticator app.")]
    private static partial void LogTotpEnabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} turned off its authenticator app.")]
    private static partial void LogTotpDisabled(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} added a passkey.")]
    private static partial void LogPasskeyAdded(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} removed a passkey.")]
    private static partial void LogPasskeyRemoved(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff account {UserId} could not add a passkey: {Reason}")]
    private static partial void LogPasskeyAddFailed(ILogger logger, Guid userId, string? reason);
}
