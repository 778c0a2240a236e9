using System.Collections.Concurrent;

namespace Provisioning.Core.Caching;

/// <summary>
/// Values read from a store, served for <c>maxAge</c> at most and only while the source is known unchanged. A caller
/// takes <see cref="Generation"/> before it reads the source and hands it to <see cref="Put"/>, which refuses the value
/// when anything was invalidated or the source's own generation moved meanwhile: a read that raced a change is never
/// kept. Puts and invalidations share one lock, so an invalidation either refuses a put in flight or removes what it put
/// (lookups take no lock). A source that counts its commits (<c>sourceGeneration</c>) needs no invalidation: an entry
/// read under an older count is not served. At <c>maxEntries</c> the cache starts over empty, which at the bounds used
/// is rare and cheaper than tracking recency on every hit.
/// </summary>
public sealed class TimedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries;
    private readonly Lock _writing = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxAge;
    private readonly int _maxEntries;
    private readonly Func<long>? _sourceGeneration;
    private long _invalidations;

    public TimedCache(TimeProvider time, TimeSpan maxAge, int maxEntries, IEqualityComparer<TKey>? comparer = null, Func<long>? sourceGeneration = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAge, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxEntries);
        _time = time;
        _maxAge = maxAge;
        _maxEntries = maxEntries;
        _sourceGeneration = sourceGeneration;
        _entries = new ConcurrentDictionary<TKey, Entry>(comparer);
    }

    /// <summary>
    /// Taken before reading the source, and passed to <see cref="Put"/> or <see cref="Replace"/>. Both counts only
    /// grow, so their sum changes exactly when either does.
    /// </summary>
    public long Generation => Interlocked.Read(ref _invalidations) + SourceGeneration;

    public int Count => _entries.Count;

    private long SourceGeneration => _sourceGeneration?.Invoke() ?? 0;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.SourceGeneration == SourceGeneration && _time.GetElapsedTime(entry.ReadAt) <= _maxAge)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps a value read from the source, unless the source changed since <paramref name="generation"/>.</summary>
    public void Put(TKey key, TValue value, long generation)
    {
        lock (_writing)
        {
            var source = SourceGeneration;
            if (generation != Interlocked.Read(ref _invalidations) + source)
            {
                return;
            }
            if (_entries.Count >= _maxEntries)
            {
                _entries.Clear();
            }
            _entries[key] = new Entry(value, source, _time.GetTimestamp());
        }
    }

    /// <summary>
    /// Replaces a cached value without making it younger (the source was only touched, not read again); nothing when
    /// the key is not cached or the source changed since <paramref name="generation"/>.
    /// </summary>
    public void Replace(TKey key, TValue value, long generation)
    {
        lock (_writing)
        {
            // TryUpdate, since Remove takes no lock: a value removed meanwhile must not come back.
            if (generation == Generation && _entries.TryGetValue(key, out var entry))
            {
                _entries.TryUpdate(key, entry with { Value = value }, entry);
            }
        }
    }

    /// <summary>Forgets one entry; reads in flight may still put it again (for values the source did not change).</summary>
    public void Remove(TKey key) => _entries.TryRemove(key, out _);

    /// <summary>The source changed the value under <paramref name="key"/>: it goes, and no read in flight may keep it.</summary>
    public void Invalidate(TKey key) => Evict(() => _entries.TryRemove(key, out _));

    /// <summary>The source changed the values <paramref name="stale"/> picks: they go, and no read in flight may be kept.</summary>
    public void InvalidateWhere(Func<TValue, bool> stale) => Evict(() =>
    {
        foreach (var (key, entry) in _entries)
        {
            if (stale(entry.Value))
            {
                _entries.TryRemove(key, out _);
            }
        }
    });

    /// <summary>Anything in the source may have changed: every entry goes, and no read in flight may be kept.</summary>
    public void InvalidateAll() => Evict(_entries.Clear);

    private void Evict(Action remove)
    {
        lock (_writing)
        {
            Interlocked.Increment(ref _invalidations);
            remove();
        }
    }

    private readonly record struct Entry(TValue Value, long SourceGeneration, long ReadAt);
}
