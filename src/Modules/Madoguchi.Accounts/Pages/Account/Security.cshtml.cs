using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// パスキー (ADR 0063): the signed-in citizen's passkeys, listed with their dates, added (JavaScript and a recent
/// sign-in needed) and removed. The email link always stays a way in.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenSession.Scheme)]
public sealed class SecurityModel(MadoguchiDb db, CitizenPasskeys passkeys, IStringLocalizer<AccountsResource> t, TimeProvider clock) : PageModel
{
    public const string AddErrorId = "passkey-name";

    [BindProperty]
    public string? CredentialJson { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    [BindProperty]
    public Guid PasskeyId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public string Email { get; private set; } = "";

    public bool Recent { get; private set; }

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];

    public List<(string FieldId, string Message)> Errors { get; } = [];

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    /// <summary>JSON for <c>navigator.credentials.create()</c>; refused without a recent sign-in.</summary>
    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync(CancellationToken cancellationToken)
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id)
        {
            return Challenge(CitizenSession.Scheme);
        }

        if (!CitizenPasskeys.SignedInRecently(User, clock.GetUtcNow()))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var options = await passkeys.CreationOptionsAsync(HttpContext, id, cancellationToken);
        return options is null ? Challenge(CitizenSession.Scheme) : Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(CancellationToken cancellationToken)
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id)
        {
            return Challenge(CitizenSession.Scheme);
        }

        if (!CitizenPasskeys.SignedInRecently(User, clock.GetUtcNow()))
        {
            return await ShowAsync(cancellationToken);
        }

        var name = PasskeyName?.Trim();
        if (name is { Length: > CitizenPasskeys.MaxNameLength })
        {
            Errors.Add((AddErrorId, t["PasskeyNameTooLong", CitizenPasskeys.MaxNameLength]));
            return await ShowAsync(cancellationToken);
        }

        if (string.IsNullOrEmpty(CredentialJson))
        {
            Errors.Add((AddErrorId, t["PasskeyAddCancelled"]));
            return await ShowAsync(cancellationToken);
        }

        var outcome = await passkeys.RegisterAsync(HttpContext, id, CredentialJson, string.IsNullOrEmpty(name) ? t["PasskeyDefaultName"] : name, cancellationToken);
        if (outcome != PasskeyOutcome.Done)
        {
            Errors.Add((AddErrorId, outcome == PasskeyOutcome.ChallengeNotValid ? t["PasskeyChallengeExpired"] : t["PasskeyAddFailed"]));
            return await ShowAsync(cancellationToken);
        }

        return Redirect("/account/security?done=added");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(CancellationToken cancellationToken)
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id)
        {
            return Challenge(CitizenSession.Scheme);
        }

        await passkeys.RemoveAsync(id, PasskeyId, cancellationToken);
        return Redirect("/account/security?done=removed");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id
            || await db.Set<CitizenAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } account)
        {
            return Challenge(CitizenSession.Scheme);
        }

        Email = account.Email;
        Recent = CitizenPasskeys.SignedInRecently(User, clock.GetUtcNow());
        Passkeys = await passkeys.ListAsync(id, cancellationToken);
        return Page();
    }
}
