using System.Data.Common;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>Tokens (stored by hash only), credentials and the login throttle, whose rule is Core's <see cref="LoginThrottle"/>.</summary>
internal sealed class SqlTokenStore(ISqlDatabase db, Action<StoreChange> raise) : ITokenStore
{
    private const string Attempts = "SELECT attempts, window_start, locked_until FROM login_attempts WHERE eid_key = @e AND login_key = @l AND client = @c";

    // The token read runs on every request that finds no cached session: its text is not built again each time.
    private Statements? _statements;

    private Statements Sql(SqlSession c) => _statements ??= new Statements(c.Dialect);

    public Task<UserCredentials?> FindCredentialsAsync(string eid, string loginName, CancellationToken cancellationToken) =>
        db.ReadAsync(
            c => c.FirstAsync(
                Sql(c).Credentials,
                r => new UserCredentials(ReadAccount(r), r.Text(8)),
                ("@e", Keys.Fold(eid)), ("@l", Keys.Fold(loginName))),
            cancellationToken);

    /// <summary>
    /// The key's row is made to exist (an empty one, whose window ended long ago, counts as none) and then locked, so
    /// concurrent reservations from any instance queue on it and each sees the ones before; Core's rule decides.
    /// </summary>
    public Task<LoginThrottle?> ReserveLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async c =>
            {
                await c.ExecuteAsync(
                    "INSERT INTO login_attempts (eid_key, login_key, client, attempts, window_start, locked_until) VALUES (@e, @l, @c, 0, @never, NULL) ON CONFLICT DO NOTHING",
                    [.. Key(key), ("@never", DateTimeOffset.UnixEpoch)]);
                var current = await c.FirstAsync(Sql(c).AttemptsForUpdate, ReadAttempts, Key(key));
                if (LoginThrottle.Reserve(current, now, policy) is not { } next)
                {
                    return null;
                }
                // Returned as stored (to the store's precision), so the caller holds the window start a refund must match.
                return await c.FirstAsync(Save + " RETURNING attempts, window_start, locked_until", ReadAttempts, Saved(key, next));
            },
            static next => next is not null,
            null,
            cancellationToken);

    public Task RefundLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset windowStart, LockoutPolicy policy, CancellationToken cancellationToken) =>
        WriteAsync(
            async c =>
            {
                if (await c.FirstAsync(Sql(c).AttemptsForUpdate, ReadAttempts, Key(key)) is { } current
                    && LoginThrottle.Refund(current, windowStart, policy) is var next && next != current)
                {
                    await c.ExecuteAsync(Save, Saved(key, next));
                }
                return 0;
            },
            cancellationToken);

    public Task<LoginThrottle?> GetLoginAttemptsAsync(LoginAttemptKey key, CancellationToken cancellationToken) =>
        db.ReadAsync(c => c.FirstAsync(Attempts, ReadAttempts, Key(key)), cancellationToken);

    public Task<long> CreateTokenAsync(byte[] hash, long userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        WriteAsync(
            async c => (await c.InsertAsync(
                "INSERT INTO tokens (hash, user_id, issued_at, last_used_at, expires_at) VALUES (@h, @u, @i, @i, @x)",
                ("@h", hash), ("@u", userId), ("@i", issuedAt), ("@x", expiresAt)))!.Value,
            cancellationToken);

    public Task<TokenSession?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken) =>
        db.ReadAsync(c => c.FirstAsync(Sql(c).SessionByHash, ReadSession, ("@h", hash)), cancellationToken);

    public Task<IReadOnlyList<TokenSession>> ListTokensAsync(long? userId, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TokenSession>>(
            async c => await c.ListAsync(
                $"{Sql(c).Sessions}{(userId is null ? string.Empty : " WHERE k.user_id = @u")} ORDER BY k.id" + SqlDialect.Limit(limit),
                ReadSession,
                ("@u", userId)),
            cancellationToken);

    public async Task<bool> ReleaseTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var change = new StoreChange(StoreChangeKind.TokenReleased, tokenId);
        var released = await WriteAsync(
            async c =>
            {
                var done = await c.ExecuteAsync("UPDATE tokens SET released_at = @n WHERE id = @id AND released_at IS NULL", ("@n", now), ("@id", tokenId)) == 1;
                if (done)
                {
                    await c.AnnounceAsync(change);
                }
                return done;
            },
            cancellationToken);
        if (released)
        {
            raise(change);
        }
        return released;
    }

    public Task TouchTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(
            async c => await c.ExecuteAsync(Sql(c).Touch, ("@n", now), ("@id", tokenId)),
            cancellationToken);

    public Task<int> CountLiveTokensAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (int)(await c.Int64Async(
                "SELECT COUNT(*) FROM tokens WHERE released_at IS NULL AND expires_at > @now AND last_used_at > @idle",
                ("@now", now), ("@idle", now - idleTimeout)) ?? 0),
            cancellationToken);

    public Task<int> PurgeTokensAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync(
            async c =>
            {
                await c.ExecuteAsync("DELETE FROM login_attempts WHERE window_start < @b AND (locked_until IS NULL OR locked_until < @b)", ("@b", before));
                return await c.ExecuteAsync("DELETE FROM tokens WHERE expires_at < @b OR released_at < @b", ("@b", before));
            },
            cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqlSession, ValueTask<T>> work, CancellationToken cancellationToken) =>
        db.WriteAsync(work, static _ => true, null, cancellationToken);

    private const string Save = "UPDATE login_attempts SET attempts = @a, window_start = @w, locked_until = @u WHERE eid_key = @e AND login_key = @l AND client = @c";

    private static (string, object?)[] Saved(LoginAttemptKey key, LoginThrottle state) =>
        [.. Key(key), ("@a", state.Attempts), ("@w", state.WindowStart), ("@u", state.LockedUntil)];

    private static (string, object?)[] Key(LoginAttemptKey key) =>
        [("@e", Keys.Fold(key.Eid)), ("@l", Keys.Fold(key.LoginName)), ("@c", key.ClientAddress)];

    private static LoginThrottle ReadAttempts(DbDataReader r) => new(r.GetInt32(0), r.Time(1)!.Value, r.Time(2));

    private static TokenSession ReadSession(DbDataReader r) =>
        new(r.GetInt64(8), ReadAccount(r), r.Time(9)!.Value, r.Time(10)!.Value, r.Time(11)!.Value, r.Time(12));

    private static AccountState ReadAccount(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetBoolean(4), r.Time(5), r.Time(6), r.Roles(7));

    /// <summary>The statements that depend on the dialect, their text built once per store.</summary>
    private sealed class Statements(SqlDialect d)
    {
        public string Credentials { get; } = $"SELECT {Account(d)}, u.password_hash FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.eid_key = @e AND u.login_key = @l";

        public string Sessions { get; } = $"SELECT {Account(d)}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
            + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id";

        public string SessionByHash { get; } = $"SELECT {Account(d)}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
            + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id WHERE k.hash = @h";

        public string AttemptsForUpdate { get; } = Attempts + d.ForUpdate("login_attempts");

        public string Touch { get; } = $"UPDATE tokens SET last_used_at = {d.Greatest("last_used_at", "@n")} WHERE id = @id";

        private static string Account(SqlDialect d) => $"u.id, u.tenant_id, t.eid, u.login_name, COALESCE(u.locked, FALSE), u.valid_from, u.valid_to, {d.RolesOf("u.id")}";
    }
}
