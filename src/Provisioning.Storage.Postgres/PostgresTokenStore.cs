using Npgsql;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>Tokens, credentials and the login throttle; all of it in the database, so every instance sees the same.</summary>
internal sealed class PostgresTokenStore(PostgresDatabase db, ChangeFeed feed) : ITokenStore
{
    private const string Account = "u.id, u.tenant_id, t.eid, u.login_name, COALESCE(u.locked, false), u.valid_from, u.valid_to, "
        + "ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.position)";

    public Task<UserCredentials?> FindCredentialsAsync(string eid, string loginName, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (await c.ListAsync(
            $"SELECT {Account}, u.password_hash FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.eid_key = @e AND u.login_key = @l",
            r => new UserCredentials(ReadAccount(r), r.Text(8)),
            ("@e", Keys.Fold(eid)), ("@l", Keys.Fold(loginName)))).FirstOrDefault(), cancellationToken);

    public Task<LoginThrottle?> GetThrottleAsync(string eid, string loginName, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ThrottleAsync(c, Keys.Fold(eid), Keys.Fold(loginName), lockRow: false), cancellationToken);

    /// <summary>
    /// Reads the row under a row lock and writes the next state in one transaction, so concurrent failures (from any
    /// instance) queue on the row and each counts on top of the one before. With no row yet, the insert decides: the
    /// loser of a concurrent first insert reads the winner's row and counts on top of it.
    /// </summary>
    public Task<LoginThrottle> RegisterFailureAsync(string eid, string loginName, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(async c =>
        {
            var (eidKey, loginKey) = (Keys.Fold(eid), Keys.Fold(loginName));
            while (true)
            {
                var current = await ThrottleAsync(c, eidKey, loginKey, lockRow: true);
                var next = LoginThrottle.AfterFailure(current, now, policy);
                (string, object?)[] values = [("@e", eidKey), ("@l", loginKey), ("@f", next.Failures), ("@w", next.WindowStart), ("@u", next.LockedUntil)];
                var written = current is null
                    ? await c.ExecuteAsync("INSERT INTO login_throttle (eid_key, login_key, failures, window_start, locked_until) VALUES (@e, @l, @f, @w, @u) ON CONFLICT DO NOTHING", values)
                    : await c.ExecuteAsync("UPDATE login_throttle SET failures = @f, window_start = @w, locked_until = @u WHERE eid_key = @e AND login_key = @l", values);
                if (written == 1)
                {
                    return next;
                }
            }
        }, cancellationToken);

    public Task ClearThrottleAsync(string eid, string loginName, CancellationToken cancellationToken) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM login_throttle WHERE eid_key = @e AND login_key = @l", ("@e", Keys.Fold(eid)), ("@l", Keys.Fold(loginName))), cancellationToken);

    public Task<long> CreateTokenAsync(byte[] hash, long userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async c => (await c.Int64Async(
                "INSERT INTO tokens (hash, user_id, issued_at, last_used_at, expires_at) VALUES (@h, @u, @i, @i, @x) RETURNING id",
                ("@h", hash), ("@u", userId), ("@i", issuedAt), ("@x", expiresAt)))!.Value,
            cancellationToken);

    public Task<TokenSession?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (await c.ListAsync(
            $"SELECT {Account}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
            + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id WHERE k.hash = @h",
            r => new TokenSession(r.GetInt64(8), ReadAccount(r), r.Time(9), r.Time(10), r.Time(11), r.TimeOrNull(12)),
            ("@h", hash))).FirstOrDefault(), cancellationToken);

    public async Task<bool> ReleaseTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = new StoreChange(StoreChangeKind.TokenReleased, tokenId);
        var released = await db.WriteAsync(
            async c =>
            {
                var done = await c.ExecuteAsync("UPDATE tokens SET released_at = @n WHERE id = @id AND released_at IS NULL", ("@n", now), ("@id", tokenId)) == 1;
                if (done)
                {
                    await ChangeFeed.NotifyAsync(c, change);
                }
                return done;
            },
            cancellationToken);
        if (released)
        {
            feed.Raise(change);
        }
        return released;
    }

    public Task<int> CountLiveTokensAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (int)(await c.Int64Async(
                "SELECT COUNT(*) FROM tokens WHERE released_at IS NULL AND expires_at > @now AND last_used_at > @idle",
                ("@now", now), ("@idle", now - idleTimeout)) ?? 0),
            cancellationToken);

    public Task<IReadOnlyList<TokenSession>> ListTokensAsync(long? userId, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TokenSession>>(
            async c => await c.ListAsync(
                $"SELECT {Account}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
                + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id WHERE (@u::bigint IS NULL OR k.user_id = @u) ORDER BY k.id LIMIT @limit",
                r => new TokenSession(r.GetInt64(8), ReadAccount(r), r.Time(9), r.Time(10), r.Time(11), r.TimeOrNull(12)),
                ("@u", userId), ("@limit", limit)),
            cancellationToken);

    public Task TouchTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(c => c.ExecuteAsync("UPDATE tokens SET last_used_at = GREATEST(last_used_at, @n) WHERE id = @id", ("@n", now), ("@id", tokenId)), cancellationToken);

    public Task<int> PurgeTokensAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        db.WriteAsync(c => c.ExecuteAsync("DELETE FROM tokens WHERE expires_at < @b OR released_at < @b", ("@b", before)), cancellationToken);

    private static async Task<LoginThrottle?> ThrottleAsync(Db c, string eidKey, string loginKey, bool lockRow) => (await c.ListAsync(
        "SELECT failures, window_start, locked_until FROM login_throttle WHERE eid_key = @e AND login_key = @l" + (lockRow ? " FOR UPDATE" : ""),
        r => new LoginThrottle(r.GetInt32(0), r.Time(1), r.TimeOrNull(2)),
        ("@e", eidKey), ("@l", loginKey))).FirstOrDefault();

    private static AccountState ReadAccount(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.TimeOrNull(5), r.TimeOrNull(6), r.GetFieldValue<string[]>(7));
}
