namespace Provisioning.Core.Caching;

/// <summary>The staleness policy every cache of store reads follows; docs/ARCHITECTURE.md says what it means for a caller.</summary>
public static class CachePolicy
{
    /// <summary>
    /// The oldest a cached read may be when served. Changes made in this process (or announced by another instance)
    /// evict at once; this bounds only what no event reports: a write by the command line from another process on a
    /// SQLite file, or a row changed by hand.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);

    /// <summary>
    /// On a database shared by several instances: the longest a change committed on one instance may go unheard on
    /// another while that one still serves cached reads. A shared store confirms at least this often that it has heard
    /// every change committed before (<see cref="Storage.IProvisioningStore.HearsChanges"/>); while it cannot, caches
    /// read from the database. A released token, a locked or deleted user, a removed role is thus refused on every
    /// instance within this time of its commit.
    /// </summary>
    public static readonly TimeSpan SharedStaleness = TimeSpan.FromMilliseconds(800);

    /// <summary>
    /// The oldest the console's overview counts may be (every extension grouped by environment and mode, and the audit
    /// log's changes per day): counting a million rows on every view cost seconds. The page says when they were counted.
    /// </summary>
    public static readonly TimeSpan OverviewMaxAge = TimeSpan.FromSeconds(10);
}
