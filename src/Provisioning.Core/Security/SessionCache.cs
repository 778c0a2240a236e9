using System.Collections.Concurrent;
using System.Diagnostics;
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
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(2);
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, (TokenSession Session, long ReadAt)> _sessions = new(StringComparer.Ordinal);
    private readonly bool _enabled;
    private long _version;

    public SessionCache(IProvisioningStore store)
    {
        _enabled = !store.IsShared;
        store.Changed += OnChanged;
    }

    /// <summary>Taken before reading a session from the store; <see cref="Put"/> refuses it if a change came in between.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(string key, out TokenSession session)
    {
        session = null!;
        if (!_enabled || !_sessions.TryGetValue(key, out var entry) || Stopwatch.GetElapsedTime(entry.ReadAt) > MaxAge)
        {
            return false;
        }
        session = entry.Session;
        return true;
    }

    /// <summary>Caches a session read from the store, unless a change arrived since <paramref name="readAt"/>.</summary>
    public void Put(string key, TokenSession session, long readAt)
    {
        if (!_enabled || Version != readAt)
        {
            return;
        }
        if (_sessions.Count >= MaxEntries)
        {
            _sessions.Clear();
        }
        _sessions[key] = (session, Stopwatch.GetTimestamp());
    }

    /// <summary>Replaces a cached session (after a touch) without making it younger.</summary>
    public void Update(string key, TokenSession session, long readAt)
    {
        if (_enabled && Version == readAt && _sessions.TryGetValue(key, out var entry))
        {
            _sessions.TryUpdate(key, (session, entry.ReadAt), entry);
        }
    }

    public void Remove(string key) => _sessions.TryRemove(key, out _);

    private void OnChanged(StoreChange change)
    {
        Func<TokenSession, bool>? stale = change.Kind switch
        {
            StoreChangeKind.TokenReleased or StoreChangeKind.UserChanged when change.Id == StoreChange.Every => _ => true,
            StoreChangeKind.TokenReleased => s => s.TokenId == change.Id,
            StoreChangeKind.UserChanged => s => s.Account.UserId == change.Id,
            _ => null,
        };
        if (stale is null)
        {
            return;
        }
        Interlocked.Increment(ref _version);
        foreach (var (key, entry) in _sessions)
        {
            if (stale(entry.Session))
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }
}
