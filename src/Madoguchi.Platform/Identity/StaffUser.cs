using Madoguchi.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace Madoguchi.Platform.Identity;

/// <summary>A member of a city's staff (職員). Citizens are not staff users.</summary>
public sealed class StaffUser : IdentityUser<Guid>, ITenantOwned
{
    public Guid OrganizationId { get; set; }

    /// <summary>Name as shown to colleagues and on electronic seals (電子印).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Title shown on electronic seals, e.g. 課長.</summary>
    public string? Title { get; set; }

    /// <summary>Demo accounts: their documented password is refused outside demo mode.</summary>
    public bool IsDemo { get; set; }

    public List<DepartmentMembership> Departments { get; set; } = [];
}
