using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// ログイン（住民）: asks for an email address and sends a one-time link. The answer is the same page
/// whether or not the address has an account (no account enumeration, ADR 0011). With JavaScript, a passkey
/// signs in too (ADR 0063).
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class SignInModel(SignInLinks links, CitizenPasskeys passkeys, IStringLocalizer<AccountsResource> t, Microsoft.Extensions.Options.IOptions<CitizenOidcOptions> oidc, TimeProvider clock) : PageModel
{
    public const string PasskeyButtonId = "passkey-sign-in";

    /// <summary>The OpenID Connect provider offered beside the email link, when one is configured.</summary>
    public CitizenOidcOptions? Oidc => oidc.Value.Enabled ? oidc.Value : null;

    [BindProperty(SupportsGet = true, Name = "oidc")]
    public string? OidcOutcome { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? CredentialJson { get; set; }

    /// <summary>Signed in already, and asked to prove it again (before adding a passkey): show the page instead of leaving.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Again { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? EmailError { get; private set; }

    public string? PasskeyError { get; private set; }

    public IReadOnlyList<(string FieldId, string Message)> Errors =>
        [.. new[] { ("email", EmailError), (PasskeyButtonId, PasskeyError) }.Where(e => e.Item2 is not null).Select(e => (e.Item1, e.Item2!))];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Again && await CitizenSession.SignedInAsync(HttpContext) is not null)
        {
            return Redirect(LocalReturnUrl() ?? "/account/applications");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            EmailError = t["SignInEmailRequired"];
            return Page();
        }

        if (!SignInLinks.IsEmail(email))
        {
            EmailError = t["SignInEmailInvalid"];
            return Page();
        }

        await links.RequestAsync(email, $"{Request.Scheme}://{Request.Host}", LocalReturnUrl(), cancellationToken);
        return Redirect("/account/check-email");
    }

    /// <summary>JSON for <c>navigator.credentials.get()</c> (discoverable passkeys: no address asked).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken cancellationToken) =>
        Content(await passkeys.RequestOptionsAsync(HttpContext, cancellationToken), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(CredentialJson))
        {
            PasskeyError = t["PasskeySignInCancelled"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var (outcome, account) = await passkeys.SignInAsync(HttpContext, CredentialJson, cancellationToken);
        if (account is null)
        {
            PasskeyError = outcome switch
            {
                PasskeyOutcome.UnknownPasskey => t["PasskeyUnknown"],
                PasskeyOutcome.ChallengeNotValid => t["PasskeyChallengeExpired"],
                _ => t["PasskeySignInFailed"],
            };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await HttpContext.SignInAsync(CitizenSession.Scheme, CitizenSession.Principal(account, clock.GetUtcNow()));
        return Redirect(LocalReturnUrl() ?? "/account/applications");
    }

    private string? LocalReturnUrl() => ReturnUrl is { Length: > 0 and < 500 } url && Url.IsLocalUrl(url) ? url : null;
}
