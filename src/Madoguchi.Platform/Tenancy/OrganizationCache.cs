using Madoguchi.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Madoguchi.Platform.Tenancy;

/// <summary>
/// Every organisation, kept 30 seconds in the memory cache: requests resolve their tenant from it by host
/// name, and the outbox worker by a message's organisation, without a query each time.
/// </summary>
public static class OrganizationCache
{
    private const string CacheKey = "madoguchi:organizations";

    public static async Task<IReadOnlyList<Organization>> AllAsync(IMemoryCache cache, MadoguchiDb db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(db);
        return await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30);
            return await db.Organizations.AsNoTracking().ToListAsync(cancellationToken);
        }) ?? [];
    }

    /// <summary>Drops the cached list, so the next request or delivery reads the organisations again.</summary>
    public static void Invalidate(IMemoryCache cache)
    {
        ArgumentNullException.ThrowIfNull(cache);
        cache.Remove(CacheKey);
    }
}
