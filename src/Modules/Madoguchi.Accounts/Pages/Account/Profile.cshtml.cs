using System.Globalization;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Madoguchi.Accounts.Pages.Account;

/// <summary>
/// プロフィール: what prefills the citizen's forms (氏名とフリガナ, 住所, 電話番号) and how they get notices. Checked
/// with the forms' own validators; every view and change is audited.
/// </summary>
[Authorize(AuthenticationSchemes = CitizenSession.Scheme)]
public sealed class ProfileModel(MadoguchiDb db, CitizenSession session, IStringLocalizer<AccountsResource> t, TimeProvider clock) : PageModel
{
    [BindProperty] public string? FamilyName { get; set; }
    [BindProperty] public string? GivenName { get; set; }
    [BindProperty] public string? FamilyNameKana { get; set; }
    [BindProperty] public string? GivenNameKana { get; set; }
    [BindProperty] public string? PostalCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Building { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Channel { get; set; }

    public string Email { get; private set; } = "";

    public bool Saved { get; private set; }

    public List<(string FieldId, string Message)> Errors { get; } = [];

    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The input id of a profile part, from the validator's path (<c>name.familyKana</c> → <c>f-name-familyKana</c>).</summary>
    public static string Id(string path) => "f-" + path.Replace('.', '-');

    public string? ErrorFor(string path) => Errors.FirstOrDefault(e => e.FieldId == Id(path)).Message;

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        var account = await LoadAsync(cancellationToken);
        if (account is null)
        {
            return Challenge(CitizenSession.Scheme);
        }

        FamilyName = account.FamilyName;
        GivenName = account.GivenName;
        FamilyNameKana = account.FamilyNameKana;
        GivenNameKana = account.GivenNameKana;
        PostalCode = account.PostalCode;
        Address = account.Address;
        Building = account.Building;
        Phone = account.Phone;
        Channel = account.NotificationChannel;
        Saved = saved;
        session.Audit(account.Id, "citizen.profile_read", "profile page");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var account = await LoadAsync(cancellationToken);
        if (account is null)
        {
            return Challenge(CitizenSession.Scheme);
        }

        var typed = new CitizenProfile(account.Id, account.Email)
        {
            FamilyName = FamilyName,
            GivenName = GivenName,
            FamilyNameKana = FamilyNameKana,
            GivenNameKana = GivenNameKana,
            PostalCode = PostalCode,
            Address = Address,
            Building = Building,
            Phone = Phone,
        };
        var (profile, errors) = CitizenProfileCheck.Check(typed);
        foreach (var error in errors)
        {
            Errors.Add((Id(error.Field), English ? error.MessageEn : error.MessageJa));
        }

        if (Channel is not (NotificationChannels.Email or NotificationChannels.InApp))
        {
            Errors.Add(("f-channel", t["ChannelInvalid"]));
        }

        if (Errors.Count > 0)
        {
            // Typed values stay in the bound properties and are shown again as typed.
            return Page();
        }

        account.FamilyName = profile.FamilyName;
        account.GivenName = profile.GivenName;
        account.FamilyNameKana = profile.FamilyNameKana;
        account.GivenNameKana = profile.GivenNameKana;
        account.PostalCode = profile.PostalCode;
        account.Address = profile.Address;
        account.Building = profile.Building;
        account.Phone = profile.Phone;
        account.NotificationChannel = Channel!;
        account.ProfileUpdatedAt = clock.GetUtcNow().UtcDateTime;
        session.Audit(account.Id, "citizen.profile_changed", "profile page");
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/account/profile?saved=true");
    }

    private async Task<CitizenAccount?> LoadAsync(CancellationToken cancellationToken)
    {
        Email = "";
        if (await CitizenSession.SignedInAsync(HttpContext) is not { } id)
        {
            return null;
        }

        var account = await db.Set<CitizenAccount>().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        Email = account?.Email ?? "";
        return account;
    }
}
