using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// The page behind the emailed link: GET only shows a button (a mail scanner fetching the link uses
/// nothing up); its POST uses the link once and signs in, creating the account at the first sign-in.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.SignIn)]
public sealed class ConfirmModel(SignInLinks links, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Usable { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        Usable = await links.IsUsableAsync(token, cancellationToken);
        if (!Usable)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken cancellationToken)
    {
        var account = await links.ConfirmAsync(token, cancellationToken);
        if (account is null)
        {
            Response.StatusCode = StatusCodes.Status410Gone;
            return Page();
        }

        await HttpContext.SignInAsync(CitizenSession.Scheme, CitizenSession.Principal(account, clock.GetUtcNow()));
        return Redirect(ReturnUrl is { Length: > 0 and < 500 } url && Url.IsLocalUrl(url) ? url : "/account/applications");
    }
}
