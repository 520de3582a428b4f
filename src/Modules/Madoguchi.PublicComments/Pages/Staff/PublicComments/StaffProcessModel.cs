using System.Security.Claims;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Madoguchi.PublicComments.Model;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.PublicComments.Pages.Staff.PublicComments;

/// <summary>
/// Shared by the staff pages of one process: only members of the process's department (and the IT
/// policy division and system administrators, who see every department) may open them, and each
/// view of submitters' personal data is written to the audit chain.
/// </summary>
public abstract class StaffProcessModel(MadoguchiDb db, TimeProvider clock, ICurrentActor actor) : PublicCommentsPageModel(db, clock)
{
    public string ActorName { get; private set; } = "staff";

    protected async Task<IActionResult?> LoadForStaffAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadProcessAsync(slug, cancellationToken))
        {
            return NotFound();
        }

        var scope = await DepartmentScope.ForAsync(Db, User, cancellationToken);
        if (!scope.Allows(Process.DepartmentId))
        {
            return Forbid();
        }

        if (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var member = await Db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken);
            ActorName = member is null ? ActorName : $"{member.DisplayName} ({member.UserName})";
        }

        return null;
    }

    /// <summary>Audits a read of submitters' personal data (what was read, never the data).</summary>
    protected async Task AuditReadAsync(string what, int count, CancellationToken cancellationToken)
    {
        Db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "publiccomment.personal_data_read", nameof(PublicCommentProcess), Process.Id.ToString(), $"{what}; {count} opinions", Clock.GetUtcNow().UtcDateTime));
        await Db.SaveChangesAsync(cancellationToken);
    }
}
