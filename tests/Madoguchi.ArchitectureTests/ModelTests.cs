using Madoguchi.Platform.Data;
using Madoguchi.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Madoguchi.ArchitectureTests;

/// <summary>The EF model as the app builds it (platform and every module's configurations).</summary>
public sealed class ModelTests
{
    [Fact]
    public void EveryTenantOwnedEntity_HasTheTenantQueryFilter()
    {
        using var db = DesignTimeModel.Create(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=model_only;Username=postgres", [.. Solution.Modules]);
        var tenantOwned = db.Model.GetEntityTypes()
            .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null && !e.IsOwned())
            .ToList();
        Assert.NotEmpty(tenantOwned);
        Assert.All(tenantOwned, e => Assert.True(
            e.FindDeclaredQueryFilter(MadoguchiDb.TenantFilter) is not null,
            $"{e.ClrType.Name} is ITenantOwned but has no \"{MadoguchiDb.TenantFilter}\" query filter."));
    }

    [Fact]
    public void EveryEntityWithAnOrganizationId_IsTenantOwned()
    {
        using var db = DesignTimeModel.Create(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=model_only;Username=postgres", [.. Solution.Modules]);
        var untagged = db.Model.GetEntityTypes()
            .Where(e => e.FindProperty(nameof(ITenantOwned.OrganizationId)) is not null && !typeof(ITenantOwned).IsAssignableFrom(e.ClrType))
            .Select(e => e.ClrType.Name)
            .ToList();
        Assert.True(untagged.Count == 0, $"These have an OrganizationId but are not ITenantOwned, so no tenant filter guards them: {string.Join(", ", untagged)}.");
    }
}
