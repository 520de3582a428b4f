using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Outbox;
using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Accounts.Accounts;

/// <summary>What became of a sign-in link's confirmation.</summary>
public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown, used before, or expired: the citizen asks for a new link (one message for all three).</summary>
    NotValid,
}

/// <summary>
/// Sign-in by email link (ADR 0011). Asking sends a link whether or not an account exists for the address
/// (the page and the email are the same either way: nothing tells whether someone has an account); the
/// account is created when a link is first confirmed. A link works once and for <see cref="Lifetime"/>;
/// confirming takes a POST (the page behind the link has a button), so a mail scanner that fetches the
/// link does not use it up.
/// </summary>
public sealed class SignInLinks(MadoguchiDb db, Outbox outbox, TenantContext tenant, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>At most this many links per address in <see cref="Lifetime"/>; more asks get the same page and no email.</summary>
    public const int MaxLinksPerAddress = 3;

    public static bool IsEmail(string? value) =>
        value is { Length: > 3 and <= 254 } && MailAddress.TryCreate(value, out var address) && address.Address == value
        && value.Contains('.', StringComparison.Ordinal) && !value.Any(char.IsControl);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Queues the email with a new link (unless this address had enough links lately) and saves.</summary>
    public async Task RequestAsync(string email, string origin, string? returnUrl, CancellationToken cancellationToken)
    {
        var address = CitizenAccount.Normalize(email);
        var now = clock.GetUtcNow().UtcDateTime;

        // Links are kept a day after they lapse (for the per-address limit and support questions), then deleted with their address.
        var stale = now - Lifetime - TimeSpan.FromDays(1);
        await db.Set<SignInLink>().Where(l => l.ExpiresAt < stale).ExecuteDeleteAsync(cancellationToken);
        var since = now - Lifetime;
        var recent = await db.Set<SignInLink>().CountAsync(l => l.Email == address && l.CreatedAt > since, cancellationToken);
        if (recent >= MaxLinksPerAddress)
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Add(new SignInLink { Id = Guid.NewGuid(), TokenHash = Hash(token), Email = address, CreatedAt = now, ExpiresAt = now + Lifetime });
        var link = $"{origin}/account/sign-in/{token}" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var city = tenant.Organization?.NameJa ?? "";
        var body = new StringBuilder();
        body.AppendLine(CultureInfo.InvariantCulture, $"{city}の電子申請サービスにログインするには、次のリンクを開き、「ログインする」を押してください。");
        body.AppendLine("To sign in to the city's online services, open this link and press \"Sign in\".");
        body.AppendLine();
        body.AppendLine(link);
        body.AppendLine();
        body.AppendLine("このリンクは15分間、1回だけ使えます。他の人に教えないでください。");
        body.AppendLine("The link works once, for 15 minutes. Do not share it.");
        body.AppendLine();
        body.AppendLine("心当たりがない場合は、このメールを削除してください（アカウントは作られません）。");
        body.AppendLine("If you did not ask for this, delete this email (no account is created).");
        outbox.Enqueue(EmailOutboxHandler.MessageType, new EmailMessage(address, "【ログイン用リンク】 / Your sign-in link", body.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the link can still be confirmed (for the page behind the link; does not use it).</summary>
    public async Task<bool> IsUsableAsync(string token, CancellationToken cancellationToken)
    {
        if (token is not { Length: >= 20 and <= 100 })
        {
            return false;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<SignInLink>().AnyAsync(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now, cancellationToken);
    }

    /// <summary>
    /// Uses the link (one statement: of two confirmations at once, one wins) and returns the account it signs in
    /// to, creating it on the first sign-in (the address's unique index makes two first sign-ins one account).
    /// </summary>
    public async Task<CitizenAccount?> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        if (token is not { Length: >= 20 and <= 100 })
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.Set<SignInLink>()
            .Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        if (used != 1)
        {
            return null;
        }

        var email = await db.Set<SignInLink>().AsNoTracking().Where(l => l.TokenHash == hash).Select(l => l.Email).SingleAsync(cancellationToken);
        var account = await db.Set<CitizenAccount>().FirstOrDefaultAsync(a => a.Email == email, cancellationToken);
        if (account is null)
        {
            account = new CitizenAccount { Id = Guid.NewGuid(), Email = email, CreatedAt = now, LastSignedInAt = now };
            db.Add(account);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another first sign-in of the same address won the race: sign in to its account.
                db.ChangeTracker.Clear();
                account = await db.Set<CitizenAccount>().FirstAsync(a => a.Email == email, cancellationToken);
            }
        }

        account.LastSignedInAt = now;
        db.AuditEntries.Add(AuditEntry.Create(CitizenSession.Actor(account.Id), "citizen.signed_in", nameof(CitizenAccount), account.Id.ToString(), "email-link", now));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }
}
