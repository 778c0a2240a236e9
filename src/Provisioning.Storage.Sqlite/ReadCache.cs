using System.Collections.Concurrent;
using System.Diagnostics;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// Results of frequent reads (getExtension by address), kept until anything is written: an entry is good only while
/// the writer has committed nothing since it was read (<see cref="SqliteWriter.Generation"/>), and for two seconds at
/// most, for writes the command line makes from another process. Read-mostly traffic is served from memory; under
/// writes every read goes to the database, so nothing stale is ever returned after an acknowledged write.
/// </summary>
internal sealed class ReadCache<TKey, TValue>(SqliteWriter writer, int maxEntries)
    where TKey : notnull
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<TKey, (TValue Value, long Generation, long ReadAt)> _entries = new();

    /// <summary>Taken before reading from the database, and passed to <see cref="Put"/>.</summary>
    public long Generation => writer.Generation;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.Generation == writer.Generation && Stopwatch.GetElapsedTime(entry.ReadAt) <= MaxAge)
        {
            value = entry.Value;
            return true;
        }
        value = default!;
        return false;
    }

    public void Put(TKey key, TValue value, long generation)
    {
        if (generation != writer.Generation)
        {
            return;
        }
        if (_entries.Count >= maxEntries)
        {
            _entries.Clear();
        }
        _entries[key] = (value, generation, Stopwatch.GetTimestamp());
    }
}
