using Provisioning.Core.Caching;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// Results of frequent reads (getExtension by address), kept until anything is written: an entry is good only while
/// the writer has committed nothing since it was read (<see cref="SqliteWriter.Generation"/>), and for
/// <see cref="CachePolicy.MaxAge"/> at most, for writes the command line makes from another process. Read-mostly
/// traffic is served from memory; under writes every read goes to the database, so nothing stale is ever returned
/// after an acknowledged write.
/// </summary>
internal sealed class ReadCache<TKey, TValue>(SqliteWriter writer, int maxEntries, TimeProvider? time = null)
    where TKey : notnull
{
    private readonly TimedCache<TKey, TValue> _entries = new(time ?? TimeProvider.System, CachePolicy.MaxAge, maxEntries, sourceGeneration: () => writer.Generation);

    /// <summary>Taken before reading from the database, and passed to <see cref="Put"/>.</summary>
    public long Generation => _entries.Generation;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGet(key, out value);

    public void Put(TKey key, TValue value, long generation) => _entries.Put(key, value, generation);
}
