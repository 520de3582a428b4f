using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Audit;
using Madoguchi.Platform.Data;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Api;

/// <summary><c>/api/v1/staff</c>: the staff directory. Personal data: every read is audited. Scope <c>staff:read</c>.</summary>
public static class StaffApi
{
    public sealed record StaffDto(Guid Id, string UserName, string DisplayName, string? Title, string? Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);

    public static RouteGroupBuilder MapStaffApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/staff", List)
            .RequireAuthorization(StaffPolicies.Scope(ApiScopes.StaffRead))
            .WithName("ListStaff").WithTags("Staff")
            .WithSummary("The organisation's staff with roles and departments. Personal data: each read is written to the audit log (ids only).")
            .ProducesAuthProblems();
        return api;
    }

    private static async Task<Ok<List<StaffDto>>> List(MadoguchiDb db, ICurrentActor actor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.DisplayName,
                u.Title,
                u.Email,
                Departments = u.Departments.Select(m => m.Department!.Code).ToList(),
            })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.AsNoTracking()
            .Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);

        // Who read whose record: ids only, never the values.
        db.AuditEntries.Add(AuditEntry.Create(actor.Actor, "staff.read", "StaffUser", "list:" + ids.Count,
            "ids=" + string.Join(',', ids), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Ok(users.Select(u => new StaffDto(
            u.Id, u.UserName ?? "", u.DisplayName, u.Title, u.Email,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal)],
            [.. u.Departments.Order(StringComparer.Ordinal)])).ToList());
    }
}
