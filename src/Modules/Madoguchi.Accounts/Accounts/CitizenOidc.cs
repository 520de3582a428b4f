using System.Security.Claims;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Madoguchi.Accounts.Accounts;

/// <summary>Options <c>Citizens:Oidc:*</c>: an OpenID Connect provider citizens may sign in with (e.g. デジタル認証アプリ). Off by default.</summary>
public sealed class CitizenOidcOptions
{
    public const string Section = "Citizens:Oidc";

    public bool Enabled { get; set; }
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>False only for a provider on plain HTTP in development and tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string DisplayNameJa { get; set; } = "デジタル認証アプリ";
    public string DisplayNameEn { get; set; } = "Digital Authentication App";
}

/// <summary>
/// Sign-in with OpenID Connect (ADR 0011): the code flow with PKCE; the provider's identity
/// ("{issuer}|{sub}") is linked to an account, found by that identity, else by the provider's verified
/// email address, else created; then the ordinary citizen cookie is issued. The provider's tokens are not kept.
/// </summary>
public static class CitizenOidc
{
    public const string Scheme = "CitizenOidc";
    public const string CallbackPath = "/account/signin-oidc";

    public static void Add(IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<CitizenOidcOptions>().BindConfiguration(CitizenOidcOptions.Section);
        var options = builder.Configuration.GetSection(CitizenOidcOptions.Section).Get<CitizenOidcOptions>() ?? new CitizenOidcOptions();
        if (!options.Enabled)
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = CitizenSession.Scheme;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("email");
            o.GetClaimsFromUserInfoEndpoint = false;
            o.SaveTokens = false;
            o.MapInboundClaims = false;
            // The provider sends the browser back with a top-level GET (response_mode=query): Lax cookies come along.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events.OnTicketReceived = async context =>
            {
                var principal = context.Principal;
                var sub = principal?.FindFirst("sub");
                var email = principal?.FindFirstValue("email");
                var verified = string.Equals(principal?.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
                var account = sub is null ? null : await LinkAsync(context.HttpContext.RequestServices, $"{sub.Issuer}|{sub.Value}", verified ? email : null, context.HttpContext.RequestAborted);
                if (account is null)
                {
                    context.Response.Redirect("/account/sign-in?oidc=failed");
                    context.HandleResponse();
                    return;
                }

                context.Principal = CitizenSession.Principal(account, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            };
            o.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect("/account/sign-in?oidc=failed");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>The account of this provider identity (linking or creating it by the verified email); null when there is no way to tell.</summary>
    internal static async Task<CitizenAccount?> LinkAsync(IServiceProvider services, string subject, string? verifiedEmail, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MadoguchiDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var account = await db.Set<CitizenAccount>().FirstOrDefaultAsync(a => a.OidcSubject == subject, cancellationToken);
        if (account is null && verifiedEmail is { Length: > 0 } && SignInLinks.IsEmail(verifiedEmail.Trim()))
        {
            var email = CitizenAccount.Normalize(verifiedEmail);
            account = await db.Set<CitizenAccount>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
            if (account is null)
            {
                account = new CitizenAccount { Id = Guid.NewGuid(), Email = email, CreatedAt = now };
                db.Add(account);
            }

            account.OidcSubject ??= subject;
        }

        if (account is null)
        {
            return null;
        }

        account.LastSignedInAt = now;
        db.AuditEntries.Add(AuditEntry.Create(CitizenSession.Actor(account.Id), "citizen.signed_in", nameof(CitizenAccount), account.Id.ToString(), "oidc", now));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
