using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Madoguchi.Accounts.Accounts;
using Madoguchi.Platform.Data;
using Madoguchi.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Madoguchi.Tests.Accounts;

/// <summary>
/// Citizen sign-in with OpenID Connect (Citizens:Oidc:*, ADR 0011) against a minimal provider this test
/// starts on a real socket: discovery, JWKS, authorize, token (code flow with PKCE, signed id_token).
/// </summary>
public sealed class CitizenOidcTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInWithTheProvider_CreatesTheAccountOnce_AndTheSameIdentitySignsInToItAgain()
    {
        await using var provider = await FakeOidcProvider.StartAsync();
        await using var app = await MadoguchiApp.StartKestrelAsync(settings: new Dictionary<string, string?>
        {
            ["Citizens:Oidc:Enabled"] = "true",
            ["Citizens:Oidc:Authority"] = provider.Issuer,
            ["Citizens:Oidc:ClientId"] = FakeOidcProvider.ClientId,
            ["Citizens:Oidc:ClientSecret"] = "secret",
            ["Citizens:Oidc:RequireHttpsMetadata"] = "false",
        });

        using var browser = app.CreateBrowserLikeClient();
        var signIn = await Html.ParseAsync(await browser.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Ct));
        Assert.Equal("/account/oidc", signIn.QuerySelector("#oidc-sign-in")?.GetAttribute("href"));

        Assert.Equal("/account/applications", await SignInAsync(browser, provider));
        var myPage = await browser.GetStringAsync(new Uri("/account/applications", UriKind.Relative), Ct);
        Assert.Contains("oidc.user@example.jp", myPage, StringComparison.Ordinal);

        // Later the provider reports another address for the same person: still the same account.
        provider.Email = "changed@example.jp";
        using var again = app.CreateBrowserLikeClient();
        Assert.Equal("/account/applications", await SignInAsync(again, provider));
        Assert.Contains("oidc.user@example.jp", await again.GetStringAsync(new Uri("/account/applications", UriKind.Relative), Ct), StringComparison.Ordinal);
        var accounts = await app.InOrganizationAsync("MSN", (db, _) => db.Set<CitizenAccount>().ToListAsync(Ct));
        var account = Assert.Single(accounts);
        Assert.Equal($"{provider.Issuer}|person-1", account.OidcSubject);

        // A reply with a forged signature is refused and signs nobody in.
        provider.ForgeSignature = true;
        using var forged = app.CreateBrowserLikeClient();
        var landing = await SignInAsync(forged, provider);
        Assert.StartsWith("/account/sign-in?oidc=failed", landing, StringComparison.Ordinal);
        using var refused = await forged.GetAsync(new Uri("/account/applications", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguration_TheProviderPageIsNotFound_AndTheSignInPageOffersOnlyTheEmailLink()
    {
        await using var app = await MadoguchiApp.StartAsync();
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(new Uri("/account/oidc", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await Html.ParseAsync(await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative), Ct));
        Assert.Null(page.QuerySelector("#oidc-sign-in"));
    }

    /// <summary>Follows the redirects app → provider → app; returns where the app finally sends the browser.</summary>
    private static async Task<string> SignInAsync(HttpClient browser, FakeOidcProvider provider)
    {
        using var challenge = await browser.GetAsync(new Uri("/account/oidc", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(provider.Issuer + "/authorize", challenge.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var authorized = await toProvider.GetAsync(challenge.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        using var callback = await browser.GetAsync(new Uri(authorized.Headers.Location!.PathAndQuery, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.ToString();
    }

    /// <summary>The least an OpenID provider must do for the code flow: discovery, keys, authorize and token.</summary>
    private sealed class FakeOidcProvider : IAsyncDisposable
    {
        public const string ClientId = "madoguchi-test";

        private static readonly string[] Code = ["code"];
        private static readonly string[] Public = ["public"];
        private static readonly string[] Rs256 = ["RS256"];
        private static readonly string[] S256 = ["S256"];

        private readonly ConcurrentDictionary<string, string> _nonces = new();
        private readonly RSA _rsa = RSA.Create(2048);
        private readonly RSA _stranger = RSA.Create(2048);
        private WebApplication _app = null!;

        public string Issuer { get; private set; } = "";

        public string Email { get; set; } = "oidc.user@example.jp";

        public bool ForgeSignature { get; set; }

        public static async Task<FakeOidcProvider> StartAsync()
        {
            var provider = new FakeOidcProvider();
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var key = new RsaSecurityKey(provider._rsa) { KeyId = "test-key" };
            app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = provider.Issuer,
                ["authorization_endpoint"] = provider.Issuer + "/authorize",
                ["token_endpoint"] = provider.Issuer + "/token",
                ["jwks_uri"] = provider.Issuer + "/jwks",
                ["response_types_supported"] = Code,
                ["subject_types_supported"] = Public,
                ["id_token_signing_alg_values_supported"] = Rs256,
                ["code_challenge_methods_supported"] = S256,
            }));
            app.MapGet("/jwks", () =>
            {
                var parameters = provider._rsa.ExportParameters(false);
                return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
            });
            app.MapGet("/authorize", (HttpRequest request) =>
            {
                var code = Guid.NewGuid().ToString("N");
                provider._nonces[code] = request.Query["nonce"].ToString();
                return Results.Redirect($"{request.Query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(request.Query["state"].ToString())}");
            });
            app.MapPost("/token", async (HttpRequest request) =>
            {
                var form = await request.ReadFormAsync();
                if (!provider._nonces.TryRemove(form["code"].ToString(), out var nonce) || string.IsNullOrEmpty(form["code_verifier"]))
                {
                    return Results.BadRequest(new { error = "invalid_grant" });
                }

                var signing = provider.ForgeSignature ? new RsaSecurityKey(provider._stranger) { KeyId = key.KeyId } : key;
                var now = DateTime.UtcNow;
                var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
                {
                    Issuer = provider.Issuer,
                    Audience = ClientId,
                    IssuedAt = now,
                    NotBefore = now,
                    Expires = now.AddMinutes(5),
                    Claims = new Dictionary<string, object> { ["sub"] = "person-1", ["email"] = provider.Email, ["email_verified"] = true, ["nonce"] = nonce },
                    SigningCredentials = new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
                });
                return Results.Json(new { access_token = "access", token_type = "Bearer", expires_in = 300, id_token = idToken });
            });
            await app.StartAsync();
            provider._app = app;
            provider.Issuer = app.Urls.First().TrimEnd('/');
            return provider;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.DisposeAsync();
            _rsa.Dispose();
            _stranger.Dispose();
        }
    }
}
