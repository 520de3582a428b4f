using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Forms.Submissions;

/// <summary>The next free block of receipt numbers of one organisation and year (see <see cref="ReceiptNumbers"/>).</summary>
public sealed class ReceiptCounter : ITenantOwned, IAuditExempt
{
    public Guid OrganizationId { get; set; }

    public int Year { get; set; }

    /// <summary>The first number not yet handed to any instance.</summary>
    public long Next { get; set; }
}
