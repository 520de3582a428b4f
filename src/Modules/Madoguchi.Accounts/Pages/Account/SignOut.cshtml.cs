using Madoguchi.Accounts.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>ログアウト: ends the citizen's session on this browser (a POST, so a link elsewhere cannot sign them out).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(CitizenSession.Scheme);
        return Redirect("/");
    }
}
