using Provisioning.Core.Caching;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Security;

/// <summary>
/// Token sessions already read from the store, so a request does not cost a database round trip. An entry goes at
/// once when the store reports its token released or its user changed; expiry is checked on every use against the
/// clock. An entry is also read again once it is <see cref="MaxAge"/> old: the command line may change the database
/// from another process (revoke a token, lock a user), and that is seen here within that time. When other server
/// instances share the database (<see cref="IProvisioningStore.IsShared"/>) nothing is cached, so a release on one
/// holds on every other at once. Keys are the token hashes, never the tokens.
/// </summary>
public sealed class SessionCache
{
    public static readonly TimeSpan MaxAge = CachePolicy.MaxAge;
    private const int MaxEntries = 100_000;
    private readonly TimedCache<string, TokenSession> _sessions;
    private readonly bool _enabled;

    /// <param name="store">The store whose sessions are cached and whose changes evict them.</param>
    /// <param name="time">The clock ages are measured on; the system's when not given.</param>
    public SessionCache(IProvisioningStore store, TimeProvider? time = null)
    {
        _enabled = !store.IsShared;
        _sessions = new TimedCache<string, TokenSession>(time ?? TimeProvider.System, MaxAge, MaxEntries, StringComparer.Ordinal);
        store.Changed += OnChanged;
    }

    /// <summary>Taken before reading a session from the store; <see cref="Put"/> refuses it if a change came in between.</summary>
    public long Version => _sessions.Generation;

    public bool TryGet(string key, out TokenSession session)
    {
        if (_enabled)
        {
            return _sessions.TryGet(key, out session);
        }
        session = null!;
        return false;
    }

    /// <summary>Caches a session read from the store, unless a change arrived since <paramref name="readAt"/>.</summary>
    public void Put(string key, TokenSession session, long readAt)
    {
        if (_enabled)
        {
            _sessions.Put(key, session, readAt);
        }
    }

    /// <summary>Replaces a cached session (after a touch) without making it younger.</summary>
    public void Update(string key, TokenSession session, long readAt)
    {
        if (_enabled)
        {
            _sessions.Replace(key, session, readAt);
        }
    }

    public void Remove(string key) => _sessions.Remove(key);

    private void OnChanged(StoreChange change)
    {
        switch (change.Kind)
        {
            case StoreChangeKind.TokenReleased or StoreChangeKind.UserChanged when change.Id == StoreChange.Every:
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
