namespace Madoguchi.Platform.Tenancy;

/// <summary>
/// A row that belongs to one organisation. <see cref="Data.MadoguchiDb"/> puts a global query filter on
/// every such entity, so a query only ever sees the current organisation's rows.
/// </summary>
public interface ITenantOwned
{
    Guid OrganizationId { get; set; }
}
