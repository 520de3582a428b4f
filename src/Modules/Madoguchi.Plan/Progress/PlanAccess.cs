using System.Security.Claims;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Plan.Progress;

/// <summary>
/// Least privilege for plan progress (ADR 0022): a department's members write its own projects'
/// reports; the IT policy division (role ItPolicy) reads every report, evaluates them and issues the
/// council report. System administrators read everything (department scope) but do not evaluate.
/// </summary>
public sealed record PlanAccess(DepartmentScope Scope, IReadOnlySet<Guid> Memberships, bool CanEvaluate, string Actor)
{
    /// <summary>May write (draft, save, submit) the report of this department.</summary>
    public bool CanWrite(Guid departmentId) => Memberships.Contains(departmentId);

    /// <summary>May read the report of this department.</summary>
    public bool CanRead(Guid departmentId) => Scope.Allows(departmentId) || CanWrite(departmentId);

    public static async Task<PlanAccess> ForAsync(MadoguchiDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var scope = await DepartmentScope.ForAsync(db, user, cancellationToken);
        var memberships = new HashSet<Guid>();
        if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            memberships = (await db.DepartmentMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.DepartmentId)
                .ToListAsync(cancellationToken)).ToHashSet();
            var member = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.UserName }).FirstOrDefaultAsync(cancellationToken);
            var actor = member is null ? user.Identity?.Name ?? "staff" : $"{member.DisplayName} ({member.UserName})";
            return new PlanAccess(scope, memberships, user.IsInRole(StaffRoles.ItPolicy), actor);
        }

        return new PlanAccess(scope, memberships, false, "staff");
    }
}
