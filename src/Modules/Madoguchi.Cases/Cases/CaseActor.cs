using System.Security.Claims;
using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Cases.Cases;

/// <summary>
/// Who acts on cases and which departments' cases they see. Unlike <see cref="DepartmentScope"/>, the
/// IT policy division and system admins do NOT see every case (they see statistics only): a staff
/// member sees the cases of the departments they belong to. An API key with the <c>cases</c> scope
/// acts for the whole organisation but cannot approve (approval is personal).
/// </summary>
public sealed record CaseActor(Guid? UserId, string Name, string? Title, IReadOnlySet<string> Roles, IReadOnlySet<Guid> Departments, bool IsApiKey)
{
    public bool Sees(Guid departmentId) => IsApiKey || Departments.Contains(departmentId);

    public static async Task<CaseActor?> ForAsync(MadoguchiDb db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirstValue(HttpCurrentActor.ApiKeyIdClaim) is not null)
        {
            return user.HasClaim(ApiKeyAuthenticationHandler.ScopeClaim, ApiScopes.Cases)
                ? new CaseActor(null, "API", null, new HashSet<string> { StaffRoles.Staff }, new HashSet<Guid>(), true)
                : null;
        }

        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var staff = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Title }).FirstOrDefaultAsync(cancellationToken);
        if (staff is null)
        {
            return null;
        }

        var departments = await db.DepartmentMemberships.AsNoTracking().Where(m => m.UserId == userId).Select(m => m.DepartmentId).ToListAsync(cancellationToken);
        var roles = StaffRoles.All.Where(user.IsInRole).ToHashSet();
        return new CaseActor(userId, staff.DisplayName, staff.Title, roles, departments.ToHashSet(), false);
    }
}
