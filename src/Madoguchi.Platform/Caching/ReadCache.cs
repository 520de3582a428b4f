using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;

namespace Madoguchi.Platform.Caching;

/// <summary>
/// A short-lived cache for public reads without personal data that every visitor's page repeats: the procedure
/// catalogue, a procedure page's data, the current form version (ADR 0065). An entry lives <see cref="Lifetime"/>, so
/// several app instances agree within seconds of a change made on another one; a change saved through
/// <see cref="Data.MadoguchiDb"/> on this instance evicts at once every entry that depends on a changed entity type.
/// Keyed by organisation, so one city's entry is never served to another.
/// </summary>
public sealed class ReadCache(IMemoryCache cache)
{
    /// <summary>How long an entry is served before it is read again.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private static readonly object Failed = new();

    private readonly ConcurrentDictionary<Type, CancellationTokenSource> _evictions = new();

    /// <summary>Reads in flight, so that when an entry expires under load one request reads it and the others wait for it.</summary>
    private readonly ConcurrentDictionary<object, Loading> _loading = new();

    private sealed record Loading(IReadOnlyList<CancellationToken> Tokens, Task<object?> Value);

    /// <summary>
    /// The cached value for the key, else loads it and caches it unless it is null (a miss is not cached: a request
    /// for any made-up slug must not grow the cache). <paramref name="dependsOn"/> are the entity types it was read
    /// from; saving one of them evicts it. Concurrent requests for the same missing entry share one read (no
    /// stampede of identical queries when a popular entry expires), unless a save came between them.
    /// </summary>
    public async Task<T?> GetOrLoadAsync<T>(Guid organizationId, string key, Type[] dependsOn, Func<Task<T?>> load)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(dependsOn);
        ArgumentNullException.ThrowIfNull(load);
        var cacheKey = (typeof(T), organizationId, key);
        if (cache.TryGetValue(cacheKey, out T? cached))
        {
            return cached;
        }

        // Taken before the read: a change saved while it runs cancels them, and the stale value goes in already expired.
        var tokens = dependsOn.Select(type => _evictions.GetOrAdd(type, _ => new CancellationTokenSource()).Token).ToList();
        var mine = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new Loading(tokens, mine.Task);
        var loading = _loading.GetOrAdd(cacheKey, entry);
        if (!ReferenceEquals(loading, entry))
        {
            // Another request is reading it: wait for its value if it started after the last change this one knows of.
            if (loading.Tokens.SequenceEqual(tokens) && await loading.Value is var shared && shared != Failed)
            {
                return (T?)shared;
            }

            return await load();
        }

        try
        {
            var value = await load();
            if (value is not null)
            {
                var options = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Lifetime };
                foreach (var token in tokens)
                {
                    options.ExpirationTokens.Add(new CancellationChangeToken(token));
                }

                cache.Set(cacheKey, value, options);
            }

            mine.SetResult(value);
            return value;
        }
        catch
        {
            mine.SetResult(Failed); // the waiters read for themselves (this request was cancelled, or the read failed)
            throw;
        }
        finally
        {
            _loading.TryRemove(new KeyValuePair<object, Loading>(cacheKey, entry));
        }
    }

    /// <summary>Evicts every entry read from one of these entity types (called after they were saved).</summary>
    public void Evict(IEnumerable<Type> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        foreach (var type in changed)
        {
            if (_evictions.TryRemove(type, out var source))
            {
                source.Cancel(); // not disposed: a read in flight may still hold its token
            }
        }
    }
}
