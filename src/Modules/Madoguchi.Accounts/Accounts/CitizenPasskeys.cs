using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Fido2NetLib.Serialization;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Madoguchi.Accounts.Accounts;

/// <summary>What became of a passkey registration or sign-in.</summary>
public enum PasskeyOutcome
{
    Done,

    /// <summary>No usable challenge: none given to this browser, used before, or older than <see cref="CitizenPasskeys.ChallengeLifetime"/>.</summary>
    ChallengeNotValid,

    /// <summary>The passkey is not registered to any account of this organisation.</summary>
    UnknownPasskey,

    /// <summary>The authenticator's answer did not verify (signature, origin, counter, cancelled…).</summary>
    Failed,
}

/// <summary>A passkey as the security page lists it.</summary>
public sealed record PasskeyRow(Guid Id, string Name, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>
/// Passkeys for citizen accounts (ADR 0063), verified by the Fido2 library (fido2-net-lib): options with a random
/// challenge kept server side (<see cref="PasskeyChallenge"/>, its id in a short-lived HttpOnly cookie), used once
/// and for <see cref="ChallengeLifetime"/>; the relying party is the host the request came to, so a passkey made
/// on one city's host is neither offered nor accepted on another's (and the tenant filter would not find it).
/// </summary>
public sealed partial class CitizenPasskeys(MadoguchiDb db, TenantContext tenant, TimeProvider clock, ILogger<CitizenPasskeys> logger)
{
    public const string Register = "register";
    public const string SignIn = "sign-in";
    public const string ChallengeCookie = "madoguchi.passkey";
    public const int MaxNameLength = 100;
    private const int MaxJson = 64_000;

    /// <summary>At most this many passkeys per account.</summary>
    public const int MaxPerAccount = 10;

    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Adding a passkey needs a sign-in (email link, provider or passkey) at most this long ago.</summary>
    public static readonly TimeSpan RecentSignIn = TimeSpan.FromMinutes(15);

    public static bool SignedInRecently(ClaimsPrincipal user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        return long.TryParse(user.FindFirstValue(CitizenSession.SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var at)
            && now - DateTimeOffset.FromUnixTimeSeconds(at) is { } ago && ago < RecentSignIn && ago > -TimeSpan.FromMinutes(1);
    }

    public async Task<IReadOnlyList<PasskeyRow>> ListAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Set<CitizenPasskey>().AsNoTracking().Where(p => p.CitizenAccountId == accountId).OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(p.Id, p.Name, p.CreatedAt, p.LastUsedAt)).ToListAsync(cancellationToken);

    /// <summary>JSON for <c>navigator.credentials.create()</c> (a discoverable credential, so signing in needs no email).</summary>
    public async Task<string?> CreationOptionsAsync(HttpContext http, Guid accountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var account = await db.Set<CitizenAccount>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var existing = await db.Set<CitizenPasskey>().AsNoTracking().Where(p => p.CitizenAccountId == accountId)
            .Select(p => new { p.CredentialId, p.UserHandle }).ToListAsync(cancellationToken);
        var options = Fido(http.Request).RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User
            {
                // Random, never the email: the authenticator may show the name, but the handle is what it sends back.
                Id = existing.Count > 0 ? existing[0].UserHandle : RandomNumberGenerator.GetBytes(32),
                Name = account.Email,
                DisplayName = account.Email,
            },
            ExcludeCredentials = [.. existing.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId))],
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Required,
                UserVerification = UserVerificationRequirement.Preferred,
            },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return await IssueAsync(http, Register, accountId, options.ToJson(), cancellationToken);
    }

    /// <summary>Verifies the browser's answer to the creation options and stores the passkey under <paramref name="name"/>.</summary>
    public async Task<PasskeyOutcome> RegisterAsync(HttpContext http, Guid accountId, string? credentialJson, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var challenge = await ConsumeAsync(http, Register, accountId, cancellationToken);
        if (challenge is null)
        {
            return PasskeyOutcome.ChallengeNotValid;
        }

        if (await db.Set<CitizenPasskey>().CountAsync(p => p.CitizenAccountId == accountId, cancellationToken) >= MaxPerAccount)
        {
            return PasskeyOutcome.Failed;
        }

        RegisteredPublicKeyCredential credential;
        try
        {
            var response = credentialJson is { Length: > 0 and < MaxJson } ? JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(credentialJson) : null;
            if (response is null)
            {
                return PasskeyOutcome.Failed;
            }

            credential = await Fido(http.Request).MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(challenge.OptionsJson),
                IsCredentialIdUniqueToUserCallback = async (p, ct) => !await db.Set<CitizenPasskey>().AnyAsync(x => x.CredentialId == p.CredentialId, ct),
            }, cancellationToken);
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            LogFailed(logger, "registration", e.Message);
            return PasskeyOutcome.Failed;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new CitizenPasskey
        {
            Id = Guid.NewGuid(),
            CitizenAccountId = accountId,
            CredentialId = credential.Id,
            PublicKey = credential.PublicKey,
            SignCount = credential.SignCount,
            UserHandle = credential.User.Id,
            Name = name,
            CreatedAt = now,
        });
        db.AuditEntries.Add(AuditEntry.Create(CitizenSession.Actor(accountId), "citizen.passkey_added", nameof(CitizenAccount), accountId.ToString(), name, now));
        await db.SaveChangesAsync(cancellationToken);
        return PasskeyOutcome.Done;
    }

    /// <summary>Removes one of the account's passkeys (audited); false when it is not the account's.</summary>
    public async Task<bool> RemoveAsync(Guid accountId, Guid passkeyId, CancellationToken cancellationToken)
    {
        var passkey = await db.Set<CitizenPasskey>().FirstOrDefaultAsync(p => p.Id == passkeyId && p.CitizenAccountId == accountId, cancellationToken);
        if (passkey is null)
        {
            return false;
        }

        db.Remove(passkey);
        db.AuditEntries.Add(AuditEntry.Create(CitizenSession.Actor(accountId), "citizen.passkey_removed", nameof(CitizenAccount), accountId.ToString(), passkey.Name, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>JSON for <c>navigator.credentials.get()</c>: no allowed credentials (discoverable passkeys; nothing tells which addresses have one).</summary>
    public async Task<string> RequestOptionsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var options = Fido(http.Request).GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = [],
            UserVerification = UserVerificationRequirement.Preferred,
        });
        return await IssueAsync(http, SignIn, null, options.ToJson(), cancellationToken) ?? "";
    }

    /// <summary>Verifies a sign-in with a passkey; the account (last sign-in updated, audited) when it succeeds.</summary>
    public async Task<(PasskeyOutcome Outcome, CitizenAccount? Account)> SignInAsync(HttpContext http, string? credentialJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var challenge = await ConsumeAsync(http, SignIn, null, cancellationToken);
        if (challenge is null)
        {
            return (PasskeyOutcome.ChallengeNotValid, null);
        }

        AuthenticatorAssertionRawResponse? response;
        try
        {
            response = credentialJson is { Length: > 0 and < MaxJson } ? JsonSerializer.Deserialize(credentialJson, FidoModelSerializerContext.Default.AuthenticatorAssertionRawResponse) : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            LogFailed(logger, "sign-in", e.Message);
            return (PasskeyOutcome.Failed, null);
        }

        if (response?.RawId is not { Length: > 0 } rawId)
        {
            return (PasskeyOutcome.Failed, null);
        }

        // Through the tenant filter: another city's passkey is unknown here.
        var passkey = await db.Set<CitizenPasskey>().AsNoTracking().FirstOrDefaultAsync(p => p.CredentialId == rawId, cancellationToken);
        if (passkey is null)
        {
            return (PasskeyOutcome.UnknownPasskey, null);
        }

        uint signCount;
        try
        {
            var verified = await Fido(http.Request).MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = AssertionOptions.FromJson(challenge.OptionsJson),
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = (uint)passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (p, _) => Task.FromResult(
                    p.UserHandle.AsSpan().SequenceEqual(passkey.UserHandle) && p.CredentialId.AsSpan().SequenceEqual(passkey.CredentialId)),
            }, cancellationToken);
            signCount = verified.SignCount;
        }
        catch (Exception e) when (e is Fido2VerificationException or JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            LogFailed(logger, "sign-in", e.Message);
            return (PasskeyOutcome.Failed, null);
        }

        // A counter that does not go up means a cloned authenticator (or a replayed answer): refused.
        if ((signCount != 0 || passkey.SignCount != 0) && signCount <= passkey.SignCount)
        {
            LogSignCount(logger, signCount, passkey.SignCount);
            return (PasskeyOutcome.Failed, null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.Set<CitizenPasskey>()
            .Where(p => p.Id == passkey.Id && p.SignCount == passkey.SignCount)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.SignCount, (long)signCount).SetProperty(p => p.LastUsedAt, now), cancellationToken);
        var account = updated == 1 ? await db.Set<CitizenAccount>().FirstOrDefaultAsync(a => a.Id == passkey.CitizenAccountId, cancellationToken) : null;
        if (account is null)
        {
            return (PasskeyOutcome.Failed, null);
        }

        account.LastSignedInAt = now;
        db.AuditEntries.Add(AuditEntry.Create(CitizenSession.Actor(account.Id), "citizen.signed_in", nameof(CitizenAccount), account.Id.ToString(), "passkey", now));
        await db.SaveChangesAsync(cancellationToken);
        return (PasskeyOutcome.Done, account);
    }

    private Fido2 Fido(HttpRequest request) => new(new Fido2Configuration
    {
        // The relying party is this city's host; the origin must be exactly the page's.
        RPID = request.Host.Host,
        RPName = tenant.Organization?.NameJa is { Length: > 0 } city ? city : "Madoguchi",
        Origins = new HashSet<string>(StringComparer.Ordinal) { $"{request.Scheme}://{request.Host}" },
        Timeout = (uint)ChallengeLifetime.TotalMilliseconds,
    }, null);

    private async Task<string?> IssueAsync(HttpContext http, string purpose, Guid? accountId, string optionsJson, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - TimeSpan.FromHours(1);
        await db.Set<PasskeyChallenge>().Where(c => c.ExpiresAt < stale).ExecuteDeleteAsync(cancellationToken);
        var challenge = new PasskeyChallenge
        {
            Id = Guid.NewGuid(),
            Purpose = purpose,
            CitizenAccountId = accountId,
            OptionsJson = optionsJson,
            CreatedAt = now,
            ExpiresAt = now + ChallengeLifetime,
        };
        db.Add(challenge);
        await db.SaveChangesAsync(cancellationToken);
        http.Response.Cookies.Append(ChallengeCookie, challenge.Id.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/account",
            MaxAge = ChallengeLifetime,
            IsEssential = true,
        });
        return optionsJson;
    }

    /// <summary>Uses this browser's challenge (one statement: of two answers at once, one wins); null when there is none to use.</summary>
    private async Task<PasskeyChallenge?> ConsumeAsync(HttpContext http, string purpose, Guid? accountId, CancellationToken cancellationToken)
    {
        var cookie = http.Request.Cookies[ChallengeCookie];
        http.Response.Cookies.Delete(ChallengeCookie, new CookieOptions { Path = "/account" });
        if (!Guid.TryParseExact(cookie, "N", out var id))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.Set<PasskeyChallenge>()
            .Where(c => c.Id == id && c.Purpose == purpose && c.CitizenAccountId == accountId && c.UsedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return used == 1 ? await db.Set<PasskeyChallenge>().AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Citizen passkey sign-in refused: the sign count {SignCount} is not above the stored {StoredSignCount}")]
    private static partial void LogSignCount(ILogger logger, uint signCount, long storedSignCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Citizen passkey {Operation} refused: {Reason}")]
    private static partial void LogFailed(ILogger logger, string operation, string reason);
}
