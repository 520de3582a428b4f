using Madoguchi.Platform.Data;

namespace Madoguchi.Platform.Seeding;

/// <summary>
/// A module's demo content (procedures, forms, facilities…), seeded into the demo organisation after
/// its departments and staff. Must be idempotent: add only what is missing.
/// </summary>
public interface IDemoContent
{
    Task SeedAsync(MadoguchiDb db, CancellationToken cancellationToken);
}
