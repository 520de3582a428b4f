using Madoguchi.Accounts.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>Sends the citizen to the configured OpenID Connect provider (デジタル認証アプリ); 404 when none is configured.</summary>
public sealed class OidcModel(IOptions<CitizenOidcOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public IActionResult OnGet()
    {
        if (!options.Value.Enabled)
        {
            return NotFound();
        }

        var target = ReturnUrl is { Length: > 0 and < 500 } url && Url.IsLocalUrl(url) ? url : "/account/applications";
        return Challenge(new AuthenticationProperties { RedirectUri = target }, CitizenOidc.Scheme);
    }
}
