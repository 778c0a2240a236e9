namespace Provisioning.Core.Caching;

/// <summary>The staleness policy every cache of store reads follows; docs/ARCHITECTURE.md says what it means for a caller.</summary>
public static class CachePolicy
{
    /// <summary>
    /// The oldest a cached read may be when served. Changes made in this process (or announced by another instance)
    /// evict at once; this bounds only what no event reports: a write by the command line from another process.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
}
