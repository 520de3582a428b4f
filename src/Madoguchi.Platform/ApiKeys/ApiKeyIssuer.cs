using System.Globalization;
using System.Text;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Email;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Platform.ApiKeys;

/// <summary>A key just issued: <see cref="Secret"/> exists only here, never again.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Secret);

/// <summary>Why a key could not be issued, per field (<c>name</c>, <c>scopes</c>), in Japanese and English.</summary>
public sealed record ApiKeyIssueErrors(IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Issues and revokes API keys for other systems. Issuing writes the key (hash only), its audit entry
/// and a security notice email to every system administrator of the organisation in one transaction.
/// </summary>
public sealed class ApiKeyIssuer(MadoguchiDb db, Outbox.Outbox outbox, ICurrentActor actor, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>Checks a request; null when it is valid.</summary>
    public static ApiKeyIssueErrors? Validate(string? name, IReadOnlyCollection<string>? scopes)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors["name"] = ["キーの名前を入力してください（例：基幹システム連携）。 Enter a name for the key, e.g. the system that will use it."];
        }
        else if (trimmed.Length > MaxNameLength)
        {
            errors["name"] = [$"名前は{MaxNameLength}文字以内で入力してください。 Enter a name of at most {MaxNameLength} characters."];
        }

        if (scopes is null || scopes.Count == 0)
        {
            errors["scopes"] = ["権限（スコープ）を1つ以上選んでください。 Choose at least one scope."];
        }
        else if (scopes.FirstOrDefault(s => !ApiScopes.All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            errors["scopes"] = [$"「{unknown}」という権限はありません。次から選んでください：{string.Join(", ", ApiScopes.All)}。 Unknown scope '{unknown}': use one of {string.Join(", ", ApiScopes.All)}."];
        }

        return errors.Count == 0 ? null : new ApiKeyIssueErrors(errors);
    }

    /// <summary>
    /// Creates a key in the current organisation and saves it with its audit entry and the admins'
    /// security notice. <paramref name="issuedBy"/> is how the notice names who issued it.
    /// </summary>
    public async Task<IssuedApiKey> IssueAsync(string name, IReadOnlyCollection<string> scopes, string issuedBy, Guid? issuedByUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (Validate(name, scopes) is { } errors)
        {
            throw new ArgumentException(string.Join(" ", errors.Errors.Values.SelectMany(v => v)), nameof(name));
        }

        if (db.CurrentOrganizationId == Guid.Empty)
        {
            throw new InvalidOperationException("An API key is issued within an organisation; none is current.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var secret = ApiKey.NewSecret();
        var ordered = ApiScopes.All.Where(s => scopes.Contains(s, StringComparer.Ordinal)).ToList();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = secret[..12],
            SecretHash = ApiKey.Hash(secret),
            Scopes = string.Join(' ', ordered),
            CreatedBy = issuedByUserId,
            CreatedAt = now,
        };
        db.ApiKeys.Add(key);
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "apikey.created", nameof(ApiKey), key.Id.ToString(),
            "scopes=" + key.Scopes, now));

        foreach (var admin in await SystemAdminEmailsAsync(cancellationToken))
        {
            outbox.Enqueue(EmailOutboxHandler.MessageType, SecurityNotice(admin, key, issuedBy, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKey(key, secret);
    }

    /// <summary>Revokes a key of the current organisation; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        if (key.RevokedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            key.RevokedAt = now;
            db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "apikey.revoked", nameof(ApiKey), key.Id.ToString(), "", now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private async Task<List<string>> SystemAdminEmailsAsync(CancellationToken cancellationToken)
    {
        var roleId = await db.Roles.Where(r => r.Name == StaffRoles.SystemAdmin).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var adminIds = db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId);
        return await db.Users
            .Where(u => adminIds.Contains(u.Id) && u.Email != null && u.Email != "")
            .OrderBy(u => u.Email)
            .Select(u => u.Email!)
            .ToListAsync(cancellationToken);
    }

    private static EmailMessage SecurityNotice(string to, ApiKey key, string issuedBy, DateTime nowUtc)
    {
        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TokyoTimeZone());
        var when = tokyo.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (JST)";
        var body = new StringBuilder()
            .AppendLine("新しいAPIキーが発行されました。心当たりがない場合は、すぐに管理画面でこのキーを無効にしてください。")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"名前: {key.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"キーの先頭: {key.Prefix}")
            .AppendLine(CultureInfo.InvariantCulture, $"権限: {key.Scopes}")
            .AppendLine(CultureInfo.InvariantCulture, $"発行者: {issuedBy}")
            .AppendLine(CultureInfo.InvariantCulture, $"日時: {when}")
            .AppendLine()
            .AppendLine("A new API key was issued. If you do not recognise it, revoke it now on the API keys admin page.")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Name: {key.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"Key starts with: {key.Prefix}")
            .AppendLine(CultureInfo.InvariantCulture, $"Scopes: {key.Scopes}")
            .AppendLine(CultureInfo.InvariantCulture, $"Issued by: {issuedBy}")
            .AppendLine(CultureInfo.InvariantCulture, $"When: {when}")
            .ToString();
        return new EmailMessage(to, "新しいAPIキーが発行されました / A new API key was issued", body);
    }

    private static TimeZoneInfo TokyoTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("JST", TimeSpan.FromHours(9), "JST", "JST");
        }
    }
}
