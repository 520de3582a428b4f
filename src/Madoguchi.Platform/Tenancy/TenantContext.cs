namespace Madoguchi.Platform.Tenancy;

/// <summary>The organisation the current request (or background job) acts for. Scoped.</summary>
public sealed class TenantContext
{
    public Organization? Organization { get; private set; }

    /// <summary>The current organisation's id, or <see cref="Guid.Empty"/> when none (then no tenant row is visible).</summary>
    public Guid OrganizationId => Organization?.Id ?? Guid.Empty;

    public bool IsResolved => Organization is not null;

    public void Set(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (Organization is not null && Organization.Id != organization.Id)
        {
            throw new InvalidOperationException("The tenant of a scope cannot change once set.");
        }

        Organization = organization;
    }
}
