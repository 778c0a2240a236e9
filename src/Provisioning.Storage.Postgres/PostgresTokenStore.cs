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

    /// <summary>
    /// One statement, so concurrent reservations from any instance queue on the row and each sees the ones before. The
    /// CASEs are <see cref="LoginThrottle.Reserve"/> in SQL (the contract suite holds both stores to it): past the WHERE,
    /// a lockout still set has run out, so it, like an ended window, starts a new window. A refused attempt updates no
    /// row and so returns none.
    /// </summary>
    public Task<LoginThrottle?> ReserveLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(async c => (await c.ListAsync(
            "INSERT INTO login_attempts AS a (eid_key, login_key, client, attempts, window_start, locked_until) "
            + "VALUES (@e, @l, @c, 1, @now, CASE WHEN @threshold <= 1 THEN @lock END) "
            + "ON CONFLICT (eid_key, login_key, client) DO UPDATE SET "
            + "attempts = CASE WHEN a.window_start <= @ended OR a.locked_until IS NOT NULL THEN 1 ELSE a.attempts + 1 END, "
            + "window_start = CASE WHEN a.window_start <= @ended OR a.locked_until IS NOT NULL THEN @now ELSE a.window_start END, "
            + "locked_until = CASE WHEN a.window_start <= @ended OR a.locked_until IS NOT NULL THEN (CASE WHEN @threshold <= 1 THEN @lock END) "
            + "WHEN a.attempts + 1 >= @threshold THEN @lock END "
            + "WHERE (a.locked_until IS NULL OR a.locked_until <= @now) AND (a.window_start <= @ended OR a.locked_until IS NOT NULL OR a.attempts < @threshold) "
            + "RETURNING attempts, window_start, locked_until",
            r => new LoginThrottle(r.GetInt32(0), r.Time(1), r.TimeOrNull(2)),
            [.. Key(key), ("@now", now), ("@ended", now - policy.Window), ("@threshold", policy.Threshold), ("@lock", now + policy.Duration)])).FirstOrDefault(), cancellationToken);

    /// <summary><see cref="LoginThrottle.Refund"/> in one statement.</summary>
    public Task RefundLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset windowStart, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(
            c => c.ExecuteAsync(
                "UPDATE login_attempts SET attempts = attempts - 1, locked_until = CASE WHEN attempts - 1 >= @threshold THEN locked_until END "
                + "WHERE eid_key = @e AND login_key = @l AND client = @c AND window_start = @w AND attempts > 0",
                [.. Key(key), ("@w", windowStart), ("@threshold", policy.Threshold)]),
            cancellationToken);

    public Task<LoginThrottle?> GetLoginAttemptsAsync(LoginAttemptKey key, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (await c.ListAsync(
            "SELECT attempts, window_start, locked_until FROM login_attempts WHERE eid_key = @e AND login_key = @l AND client = @c",
            r => new LoginThrottle(r.GetInt32(0), r.Time(1), r.TimeOrNull(2)),
            Key(key))).FirstOrDefault(), cancellationToken);

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
        db.WriteAsync(
            async c =>
            {
                await c.ExecuteAsync("DELETE FROM login_attempts WHERE window_start < @b AND (locked_until IS NULL OR locked_until < @b)", ("@b", before));
                return await c.ExecuteAsync("DELETE FROM tokens WHERE expires_at < @b OR released_at < @b", ("@b", before));
            },
            cancellationToken);

    private static (string, object?)[] Key(LoginAttemptKey key) =>
        [("@e", Keys.Fold(key.Eid)), ("@l", Keys.Fold(key.LoginName)), ("@c", key.ClientAddress)];

    private static AccountState ReadAccount(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.TimeOrNull(5), r.TimeOrNull(6), r.GetFieldValue<string[]>(7));
}
