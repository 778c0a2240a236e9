using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Caching;

namespace Provisioning.Core.Tests.Caching;

/// <summary>The cache every store read goes through: ages on a fake clock, generations, invalidation and the bound.</summary>
public sealed class TimedCacheTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_AtMaxAge_Served()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);

        _time.Advance(MaxAge);

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal("one", value);
    }

    [Fact]
    public void TryGet_PastMaxAge_Missed()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);

        _time.Advance(MaxAge + TimeSpan.FromTicks(1));

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Put_AgainAfterExpiry_ServedAnotherMaxAge()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);
        _time.Advance(MaxAge + TimeSpan.FromSeconds(1));

        cache.Put("a", "two", cache.Generation);
        _time.Advance(MaxAge);

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal("two", value);
    }

    [Fact]
    public void TryGet_SourceGenerationMovedSinceRead_Missed()
    {
        long commits = 7;
        var cache = Cache(source: () => commits);
        cache.Put("a", "one", cache.Generation);

        commits++;

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Put_SourceGenerationMovedDuringRead_NotKept()
    {
        long commits = 7;
        var cache = Cache(source: () => commits);
        var readAt = cache.Generation;

        commits++;
        cache.Put("a", "read before the commit", readAt);

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Put_InvalidatedDuringRead_NotKept()
    {
        var cache = Cache();
        var readAt = cache.Generation;

        cache.InvalidateWhere(_ => true);
        cache.Put("a", "read before the change", readAt);

        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Put_KeyRemovedDuringRead_Kept()
    {
        var cache = Cache();
        var readAt = cache.Generation;

        cache.Remove("a");
        cache.Put("a", "one", readAt);

        Assert.True(cache.TryGet("a", out _));
    }

    [Fact]
    public void Put_RacingInvalidateAll_NeverLeavesAnEntry()
    {
        var cache = Cache();
        using var start = new Barrier(2);
        for (var round = 0; round < 3_000; round++)
        {
            var readAt = cache.Generation;
            var put = Task.Run(() =>
            {
                start.SignalAndWait();
                cache.Put("a", "read before the change", readAt);
            });
            start.SignalAndWait();
            cache.InvalidateAll();
            put.Wait();

            Assert.False(cache.TryGet("a", out _), $"round {round}");
        }
    }

    [Fact]
    public void Invalidate_Key_RemovesOnlyThatKey()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);
        cache.Put("b", "two", cache.Generation);

        cache.Invalidate("a");

        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out _));
    }

    [Fact]
    public void InvalidateWhere_Matching_RemovesOnlyMatches()
    {
        var cache = Cache();
        cache.Put("a", "stale", cache.Generation);
        cache.Put("b", "fresh", cache.Generation);

        cache.InvalidateWhere(value => value == "stale");

        Assert.False(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("b", out _));
    }

    [Fact]
    public void InvalidateAll_Cached_RemovesEverything()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);
        cache.Put("b", "two", cache.Generation);

        cache.InvalidateAll();

        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Put_AtTheBound_StartsOverEmpty()
    {
        var cache = Cache(maxEntries: 3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            cache.Put(key, key, cache.Generation);
        }

        cache.Put("d", "d", cache.Generation);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("d", out _));
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Replace_Cached_KeepsTheAge()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);
        _time.Advance(MaxAge);

        cache.Replace("a", "touched", cache.Generation);
        var served = cache.TryGet("a", out var value);
        _time.Advance(TimeSpan.FromTicks(1));

        Assert.True(served);
        Assert.Equal("touched", value);
        Assert.False(cache.TryGet("a", out _));
    }

    [Fact]
    public void Replace_InvalidatedSinceRead_LeavesItOut()
    {
        var cache = Cache();
        cache.Put("a", "one", cache.Generation);
        var readAt = cache.Generation;

        cache.Invalidate("a");
        cache.Put("a", "read again", cache.Generation);
        cache.Replace("a", "touched before the change", readAt);

        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal("read again", value);
    }

    [Fact]
    public void Replace_NotCached_AddsNothing()
    {
        var cache = Cache();

        cache.Replace("a", "touched", cache.Generation);

        Assert.Equal(0, cache.Count);
    }

    private TimedCache<string, string> Cache(int maxEntries = 100, Func<long>? source = null) =>
        new(_time, MaxAge, maxEntries, StringComparer.Ordinal, source);
}
