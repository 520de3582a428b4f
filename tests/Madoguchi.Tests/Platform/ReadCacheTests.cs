using Madoguchi.Platform.Caching;
using Microsoft.Extensions.Caching.Memory;

namespace Madoguchi.Tests.Platform;

/// <summary>The short-lived cache of public reads: served again, evicted by a change, never stale from a read that raced a change.</summary>
public sealed class ReadCacheTests
{
    private sealed class Row(string value)
    {
        public string Value { get; } = value;
    }

    private sealed class Edited;

    private sealed class Unrelated;

    private static readonly Guid City = Guid.NewGuid();

    [Fact]
    public async Task AValue_IsReadOnce_ThenServed_UntilItsEntityTypeIsSaved()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        var reads = 0;
        Task<Row?> Load() => Task.FromResult<Row?>(new Row($"read {++reads}"));

        Assert.Equal("read 1", (await cache.GetOrLoadAsync(City, "k", [typeof(Edited)], Load))!.Value);
        Assert.Equal("read 1", (await cache.GetOrLoadAsync(City, "k", [typeof(Edited)], Load))!.Value);
        Assert.Equal("read 2", (await cache.GetOrLoadAsync(Guid.NewGuid(), "k", [typeof(Edited)], Load))!.Value); // another city: its own entry

        cache.Evict([typeof(Unrelated)]);
        Assert.Equal("read 1", (await cache.GetOrLoadAsync(City, "k", [typeof(Edited)], Load))!.Value);
        cache.Evict([typeof(Edited)]);
        Assert.Equal("read 3", (await cache.GetOrLoadAsync(City, "k", [typeof(Edited)], Load))!.Value);
    }

    [Fact]
    public async Task AReadThatRacedASave_IsNotServedAfterIt()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        var reading = new TaskCompletionSource();
        var saved = new TaskCompletionSource();

        // A visitor's read starts before a staff member's save and finishes after it: what it read may be the old row.
        var racing = cache.GetOrLoadAsync(City, "k", [typeof(Edited)], async () =>
        {
            reading.SetResult();
            await saved.Task;
            return new Row("old");
        });
        await reading.Task;
        cache.Evict([typeof(Edited)]);
        saved.SetResult();
        Assert.Equal("old", (await racing)!.Value);

        Assert.Equal("new", (await cache.GetOrLoadAsync(City, "k", [typeof(Edited)], () => Task.FromResult<Row?>(new Row("new"))))!.Value);
    }

    [Fact]
    public async Task RequestsForAnExpiredEntry_ShareOneRead_UnlessASaveCameBetween()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        var reads = 0;
        var release = new TaskCompletionSource();
        async Task<Row?> SlowLoad()
        {
            var n = Interlocked.Increment(ref reads);
            await release.Task;
            return new Row($"read {n}");
        }

        // Twenty visitors arrive while the first read is still running: one query, one value for all.
        var waiting = Enumerable.Range(0, 20).Select(_ => cache.GetOrLoadAsync(City, "k", [typeof(Edited)], SlowLoad)).ToList();
        Assert.Equal(1, reads);

        // A save, then one more visitor: it does not take the value read before the save.
        cache.Evict([typeof(Edited)]);
        var afterSave = cache.GetOrLoadAsync(City, "k", [typeof(Edited)], SlowLoad);
        Assert.Equal(2, reads);
        release.SetResult();
        Assert.All(await Task.WhenAll(waiting), row => Assert.Equal("read 1", row!.Value));
        Assert.Equal("read 2", (await afterSave)!.Value);
    }

    [Fact]
    public async Task WhenTheSharedReadFails_TheOthersReadForThemselves()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        var release = new TaskCompletionSource();
        var first = cache.GetOrLoadAsync<Row>(City, "k", [typeof(Edited)], async () =>
        {
            await release.Task;
            throw new OperationCanceledException("the first visitor closed the tab");
        });
        var second = cache.GetOrLoadAsync(City, "k", [typeof(Edited)], () => Task.FromResult<Row?>(new Row("own read")));
        release.SetResult();
        await Assert.ThrowsAsync<OperationCanceledException>(() => first);
        Assert.Equal("own read", (await second)!.Value);
    }

    [Fact]
    public async Task AMiss_IsNotCached()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        Assert.Null(await cache.GetOrLoadAsync(City, "made-up", [typeof(Edited)], () => Task.FromResult<Row?>(null)));
        Assert.Equal(0, memory.Count);
        Assert.Equal("now there", (await cache.GetOrLoadAsync(City, "made-up", [typeof(Edited)], () => Task.FromResult<Row?>(new Row("now there"))))!.Value);
    }
}
