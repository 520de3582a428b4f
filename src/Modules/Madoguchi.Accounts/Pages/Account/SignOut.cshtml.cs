using Madoguchi.Accounts.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// ログアウト: ends the citizen's session on this browser (a POST, so a link elsewhere cannot sign them out).
/// The header's form may come from a page that knew the citizen (My page, profile, passkeys: its antiforgery
/// token is bound to the citizen) or from a public page (bound to nobody); both are checked here, and a
/// request with neither is refused as before.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class SignOutModel(IAntiforgery antiforgery) : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            var citizen = await HttpContext.AuthenticateAsync(CitizenSession.Scheme);
            if (!citizen.Succeeded)
            {
                return BadRequest();
            }

            HttpContext.User = citizen.Principal;
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }
        }

        await HttpContext.SignOutAsync(CitizenSession.Scheme);
        return Redirect("/");
    }
}
