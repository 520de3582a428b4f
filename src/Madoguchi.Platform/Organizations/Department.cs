using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.Organizations;

/// <summary>A unit of the city's organisation chart: 部, 課 or 係 (with its parent).</summary>
public sealed class Department : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? ParentId { get; set; }

    /// <summary>Stable code, unique in the organisation, e.g. <c>it-policy</c>.</summary>
    public required string Code { get; set; }

    public required string NameJa { get; set; }
    public required string NameEn { get; set; }

    public DepartmentLevel Level { get; set; }
}

/// <summary>部 / 課 / 係.</summary>
public enum DepartmentLevel
{
    Bureau = 0,
    Division = 1,
    Section = 2,
}
