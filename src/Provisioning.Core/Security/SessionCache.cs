using System.Collections.Concurrent;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Security;

/// <summary>
/// Token sessions already read from the store, so a request does not cost a database round trip. An entry goes at
/// once when the store reports its token released or its user changed (on any instance); expiry is checked on every
/// use against the clock. Keys are the token hashes, never the tokens.
/// </summary>
public sealed class SessionCache
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, TokenSession> _sessions = new(StringComparer.Ordinal);
    private long _version;

    public SessionCache(IProvisioningStore store)
    {
        store.Changed += OnChanged;
    }

    /// <summary>Taken before reading a session from the store; <see cref="Put"/> refuses it if a change came in between.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool TryGet(string key, out TokenSession session) => _sessions.TryGetValue(key, out session!);

    /// <summary>Caches a session read from the store, unless a change arrived since <paramref name="readAt"/>.</summary>
    public void Put(string key, TokenSession session, long readAt)
    {
        if (Version != readAt)
        {
            return;
        }
        if (_sessions.Count >= MaxEntries)
        {
            _sessions.Clear();
        }
        _sessions[key] = session;
    }

    public void Remove(string key) => _sessions.TryRemove(key, out _);

    private void OnChanged(StoreChange change)
    {
        Func<TokenSession, bool>? stale = change.Kind switch
        {
            StoreChangeKind.TokenReleased => s => s.TokenId == change.Id,
            StoreChangeKind.UserChanged => s => s.Account.UserId == change.Id,
            _ => null,
        };
        if (stale is null)
        {
            return;
        }
        Interlocked.Increment(ref _version);
        foreach (var (key, session) in _sessions)
        {
            if (stale(session))
            {
                _sessions.TryRemove(key, out _);
            }
        }
    }
}
