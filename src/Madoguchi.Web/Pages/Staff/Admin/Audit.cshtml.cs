using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Pages.Staff.Admin;

/// <summary>The audit log: verify the hash chain on request and show the latest entries.</summary>
[Authorize(Policy = StaffPolicies.SystemAdmin)]
public sealed class AuditModel(MadoguchiDb db) : PageModel
{
    public const int Latest = 50;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    /// <summary>Set when the admin asked for verification (<c>?verify=true</c>).</summary>
    public AuditVerification? Verification { get; private set; }

    public async Task OnGetAsync(bool verify, CancellationToken cancellationToken)
    {
        if (verify)
        {
            Verification = await AuditVerifier.VerifyAsync(db, db.CurrentOrganizationId, cancellationToken);
        }

        else
        {
            await AuditChainer.ChainPendingAsync(db, db.CurrentOrganizationId, cancellationToken);
        }

        Entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(Latest).ToListAsync(cancellationToken);
    }
}
