using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// ログイン（住民）: asks for an email address and sends a one-time link. The answer is the same page
/// whether or not the address has an account (no account enumeration, ADR 0011).
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class SignInModel(SignInLinks links, IStringLocalizer<AccountsResource> t, Microsoft.Extensions.Options.IOptions<CitizenOidcOptions> oidc) : PageModel
{
    /// <summary>The OpenID Connect provider offered beside the email link, when one is configured.</summary>
    public CitizenOidcOptions? Oidc => oidc.Value.Enabled ? oidc.Value : null;

    [BindProperty(SupportsGet = true, Name = "oidc")]
    public string? OidcOutcome { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? EmailError { get; private set; }

    public IReadOnlyList<(string FieldId, string Message)> Errors => EmailError is null ? [] : [("email", EmailError)];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not null)
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

    private string? LocalReturnUrl() => ReturnUrl is { Length: > 0 and < 500 } url && Url.IsLocalUrl(url) ? url : null;
}
