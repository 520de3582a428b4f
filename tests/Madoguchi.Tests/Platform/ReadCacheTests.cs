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
    public async Task AMiss_IsNotCached()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new ReadCache(memory);
        Assert.Null(await cache.GetOrLoadAsync(City, "made-up", [typeof(Edited)], () => Task.FromResult<Row?>(null)));
        Assert.Equal(0, memory.Count);
        Assert.Equal("now there", (await cache.GetOrLoadAsync(City, "made-up", [typeof(Edited)], () => Task.FromResult<Row?>(new Row("now there"))))!.Value);
    }
}
