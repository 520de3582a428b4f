using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Uploads;

/// <summary>添付ファイル: a file a citizen attached to a draft. The bytes live in the upload store (outside the row).</summary>
public sealed class Upload : ITenantOwned, IAuditExempt
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }

    public Guid DraftId { get; set; }

    /// <summary>The name the citizen's file had (shown back to them; never used as a path).</summary>
    public required string FileName { get; set; }

    /// <summary>Media type detected from the content, not from the name.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    /// <summary>Hex SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    /// <summary>Path relative to the upload root.</summary>
    public required string StoragePath { get; set; }

    public DateTime CreatedAt { get; set; }
}
