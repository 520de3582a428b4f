using Madoguchi.Platform.Organizations;
using Madoguchi.Platform.Tenancy;

namespace Madoguchi.Platform.Identity;

/// <summary>A staff member belongs to one or more departments (所属); it limits what they see.</summary>
public sealed class DepartmentMembership : ITenantOwned
{
    public Guid OrganizationId { get; set; }
    public Guid UserId { get; set; }
    public Guid DepartmentId { get; set; }
    public Department? Department { get; set; }
}
