using System.Security.Claims;
using Madoguchi.Forms.Contracts;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Accounts.Accounts;

/// <summary>
/// The citizen's session: its own cookie scheme (<see cref="Scheme"/>), apart from staff Identity, bound to
/// one organisation (the account is looked up through the tenant filter on every request, so a cookie of
/// one city's citizen is nothing on another city's host). Implements <see cref="ICitizenSession"/> for the
/// forms and cases modules; every read of the profile is audited.
/// </summary>
public sealed class CitizenSession(MadoguchiDb db, TimeProvider clock) : ICitizenSession
{
    public const string Scheme = "Citizen";
    public const string CookieName = "madoguchi.citizen";
    public const string OrganizationClaim = "madoguchi:organization";

    /// <summary>When the citizen proved who they are (Unix seconds): adding a passkey needs a recent sign-in (ADR 0063).</summary>
    public const string SignedInAtClaim = "madoguchi:signed_in_at";

    public static string Actor(Guid accountId) => "citizen:" + accountId;

    public static ClaimsPrincipal Principal(CitizenAccount account, DateTimeOffset signedInAt)
    {
        ArgumentNullException.ThrowIfNull(account);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()),
                new Claim(OrganizationClaim, account.OrganizationId.ToString()),
                new Claim(SignedInAtClaim, signedInAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            Scheme);
        return new ClaimsPrincipal(identity);
    }

    public static void Configure(CookieAuthenticationOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/account/sign-in";
        o.LogoutPath = "/account/sign-out";
        o.AccessDeniedPath = "/account/sign-in";
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.Events.OnValidatePrincipal = async context =>
        {
            var tenant = context.HttpContext.RequestServices.GetService(typeof(TenantContext)) as TenantContext;
            var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
            var organization = context.Principal?.FindFirstValue(OrganizationClaim);
            var db = (MadoguchiDb)context.HttpContext.RequestServices.GetService(typeof(MadoguchiDb))!;
            if (tenant is not { IsResolved: true } || !Guid.TryParse(id, out var accountId) || organization != tenant.Organization?.Id.ToString()
                || !await db.Set<CitizenAccount>().AsNoTracking().AnyAsync(a => a.Id == accountId, context.HttpContext.RequestAborted))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(Scheme);
            }
        };
    }

    public static async Task<Guid?> SignedInAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await http.AuthenticateAsync(Scheme);
        return result.Succeeded && Guid.TryParse(result.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    public Task<Guid?> AccountIdAsync(HttpContext http) => SignedInAsync(http);

    public async Task<CitizenProfile?> CurrentAsync(HttpContext http, string purpose, CancellationToken cancellationToken)
    {
        if (await SignedInAsync(http) is not { } id)
        {
            return null;
        }

        var account = await db.Set<CitizenAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return null;
        }

        Audit(account.Id, "citizen.profile_read", purpose);
        return ToProfile(account);
    }

    public async Task<bool> InAppOnlyAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Set<CitizenAccount>().AsNoTracking().AnyAsync(a => a.Id == accountId && a.NotificationChannel == NotificationChannels.InApp, cancellationToken);

    /// <summary>Adds an audit entry for the account's own action to the unit of work (the caller saves).</summary>
    public void Audit(Guid accountId, string action, string details) =>
        db.AuditEntries.Add(AuditEntry.Create(Actor(accountId), action, nameof(CitizenAccount), accountId.ToString(), details, clock.GetUtcNow().UtcDateTime));

    public static CitizenProfile ToProfile(CitizenAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new CitizenProfile(account.Id, account.Email)
        {
            FamilyName = account.FamilyName,
            GivenName = account.GivenName,
            FamilyNameKana = account.FamilyNameKana,
            GivenNameKana = account.GivenNameKana,
            PostalCode = account.PostalCode,
            Address = account.Address,
            Building = account.Building,
            Phone = account.Phone,
            InAppOnly = account.NotificationChannel == NotificationChannels.InApp,
        };
    }
}
