using System.Security.Claims;
using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Platform.Identity;

/// <summary>
/// Least privilege per department (所属): which departments' records a staff member may see.
/// System admins and the IT policy division see the whole organisation; everyone else sees only
/// the departments they belong to. Modules filter their queries with <see cref="Allows"/>.
/// </summary>
public sealed record DepartmentScope(bool All, IReadOnlySet<Guid> DepartmentIds)
{
    public static readonly DepartmentScope None = new(false, new HashSet<Guid>());

    public bool Allows(Guid departmentId) => All || DepartmentIds.Contains(departmentId);

    public static async Task<DepartmentScope> ForAsync(MadoguchiDb db, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return None;
        }

        if (user.IsInRole(StaffRoles.SystemAdmin) || user.IsInRole(StaffRoles.ItPolicy))
        {
            return new DepartmentScope(true, new HashSet<Guid>());
        }

        var departments = await db.DepartmentMemberships.AsNoTracking()
            .Where(m => m.UserId == userId)
            .Select(m => m.DepartmentId)
            .ToListAsync(cancellationToken);
        return new DepartmentScope(false, departments.ToHashSet());
    }
}
