using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.Audit;

/// <summary>
/// One line of the append-only, hash-chained audit log (監査ログ): who did what to which record,
/// including reads of personal data. Each entry holds the hash of the previous entry of the same
/// organisation, so altering, inserting or deleting a row breaks the chain at that point.
/// </summary>
public sealed class AuditEntry : ITenantOwned
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }

    /// <summary>Position in the organisation's chain, from 1, without gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, truncated to microseconds so that both databases store it exactly.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>Who: <c>user:{id}</c>, <c>apikey:{id}</c>, <c>system</c> or <c>anonymous</c>.</summary>
    public required string Actor { get; set; }

    /// <summary>What, e.g. <c>staff.read</c>, <c>apikey.created</c>, <c>entity.modified</c>.</summary>
    public required string Action { get; set; }

    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>Non-personal detail (changed field names, outcome); never personal values.</summary>
    public string Details { get; set; } = "";

    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public static AuditEntry Create(string actor, string action, string entityType, string entityId, string details, DateTime occurredAtUtc) =>
        new()
        {
            Actor = actor,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details,
            OccurredAt = TruncateToMicroseconds(occurredAtUtc),
        };

    public static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    /// <summary>SHA-256 over the entry's content and the previous hash, lower-case hex.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OrganizationId.ToString("D"),
            DateTime.SpecifyKind(OccurredAt, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
            Actor,
            Action,
            EntityType,
            EntityId,
            Details,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
