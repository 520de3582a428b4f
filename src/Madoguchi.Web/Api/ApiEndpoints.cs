using Madoguchi.Platform.ApiKeys;
using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Madoguchi.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.Web.Api;

/// <summary>The JSON API under <c>/api/v1</c>, for other systems (API keys with scopes).</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapMadoguchiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(WebSetup.PublicApiRateLimit);

        api.MapGet("/organization", GetOrganization)
            .RequireAuthorization(StaffPolicies.Scope(ApiScopes.OrganizationRead))
            .WithName("GetOrganization").WithTags("Organization")
            .WithSummary("The organisation (municipality) this host serves.");
        api.MapGet("/departments", GetDepartments)
            .RequireAuthorization(StaffPolicies.Scope(ApiScopes.OrganizationRead))
            .WithName("ListDepartments").WithTags("Organization")
            .WithSummary("The organisation chart: 部, 課 and 係.");
        api.MapApiKeysApi();
        api.MapStaffApi();
        api.MapAuditApi();
        api.MapOutboxApi();
        return app;
    }

    public sealed record OrganizationDto(Guid Id, string Code, string NameJa, string NameEn);

    public sealed record DepartmentDto(Guid Id, Guid? ParentId, string Code, string NameJa, string NameEn, string Level);

    private static Ok<OrganizationDto> GetOrganization(TenantContext tenant)
    {
        var o = tenant.Organization!;
        return TypedResults.Ok(new OrganizationDto(o.Id, o.Code, o.NameJa, o.NameEn));
    }

    private static async Task<Ok<List<DepartmentDto>>> GetDepartments(MadoguchiDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Departments.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DepartmentDto(d.Id, d.ParentId, d.Code, d.NameJa, d.NameEn, d.Level.ToString()))
            .ToListAsync(cancellationToken));
}
