using Provisioning.Core.Caching;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Security;

/// <summary>
/// Token sessions already read from the store, so a request does not cost a database round trip. An entry goes at
/// once when the store reports its token released, its user changed or deleted, or an environment changed (on any
/// instance that shares the database); expiry is checked on every use against the clock. Entries are served only while
/// the store hears every change (<see cref="IProvisioningStore.HearsChanges"/>): on a shared database that bounds how
/// long a change on another instance may go unseen here to <see cref="CachePolicy.SharedStaleness"/>, and while the
/// store cannot confirm it, sessions are read from the database. An entry is also read again once it is
/// <see cref="MaxAge"/> old, for what no event reports (the command line writing a SQLite file from another process).
/// Keys are the token hashes, never the tokens.
/// </summary>
public sealed class SessionCache
{
    public static readonly TimeSpan MaxAge = CachePolicy.MaxAge;
    private const int MaxEntries = 100_000;
    private readonly TimedCache<string, TokenSession> _sessions;
    private readonly IProvisioningStore _store;

    /// <param name="store">The store whose sessions are cached and whose changes evict them.</param>
    /// <param name="time">The clock ages are measured on; the system's when not given.</param>
    public SessionCache(IProvisioningStore store, TimeProvider? time = null)
    {
        _store = store;
        _sessions = new TimedCache<string, TokenSession>(time ?? TimeProvider.System, MaxAge, MaxEntries, StringComparer.Ordinal);
        store.Changed += OnChanged;
    }

    /// <summary>Taken before reading a session from the store; <see cref="Put"/> refuses it if a change came in between.</summary>
    public long Version => _sessions.Generation;

    public bool TryGet(string key, out TokenSession session)
    {
        if (_store.HearsChanges)
        {
            return _sessions.TryGet(key, out session);
        }
        session = null!;
        return false;
    }

    /// <summary>Caches a session read from the store, unless a change arrived since <paramref name="readAt"/>.</summary>
    public void Put(string key, TokenSession session, long readAt) => _sessions.Put(key, session, readAt);

    /// <summary>Replaces a cached session (after a touch) without making it younger.</summary>
    public void Update(string key, TokenSession session, long readAt) => _sessions.Replace(key, session, readAt);

    public void Remove(string key) => _sessions.Remove(key);

    private void OnChanged(StoreChange change)
    {
        switch (change.Kind)
        {
            // A session carries its environment's eid, which an update of the environment may change.
            case StoreChangeKind.TokenReleased or StoreChangeKind.UserChanged when change.Id == StoreChange.Every:
            case StoreChangeKind.TenantChanged:
                _sessions.InvalidateAll();
                break;
            case StoreChangeKind.TokenReleased:
                _sessions.InvalidateWhere(s => s.TokenId == change.Id);
                break;
            case StoreChangeKind.UserChanged:
                _sessions.InvalidateWhere(s => s.Account.UserId == change.Id);
                break;
        }
    }
}
