using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

internal sealed class SqliteTokenStore(SqliteDatabase db, Action<StoreChange> changed) : ITokenStore
{
    private const string Account = "u.id, u.tenant_id, t.eid, u.login_name, COALESCE(u.locked, 0), u.valid_from, u.valid_to";

    public Task<UserCredentials?> FindCredentialsAsync(string eid, string loginName, CancellationToken cancellationToken) =>
        db.ReadAsync(c =>
        {
            var command = Sql.Command(
                c,
                $"SELECT {Account}, u.password_hash FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE t.eid_key = @e AND u.login_key = @l",
                ("@e", Keys.Fold(eid)), ("@l", Keys.Fold(loginName)));
            using var r = command.ExecuteReader();
            return r.Read() ? new UserCredentials(ReadAccount(c, r), r.Text(7)) : null;
        }, cancellationToken);

    /// <summary>Atomic through the single writer: the read, Core's rule and the write run as one transaction that nothing interleaves.</summary>
    public Task<LoginThrottle?> ReserveLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset now, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(c =>
        {
            var next = LoginThrottle.Reserve(Attempts(c, key), now, policy);
            if (next is not null)
            {
                Store(c, key, next);
            }
            // Read back, so the caller holds the window start as stored (to the millisecond) for a refund to match.
            return next is null ? null : Attempts(c, key);
        });

    public Task RefundLoginAttemptAsync(LoginAttemptKey key, DateTimeOffset windowStart, LockoutPolicy policy, CancellationToken cancellationToken) =>
        db.WriteAsync(c =>
        {
            if (Attempts(c, key) is { } current && LoginThrottle.Refund(current, windowStart, policy) is var next && next != current)
            {
                Store(c, key, next);
            }
            return 0;
        });

    public Task<LoginThrottle?> GetLoginAttemptsAsync(LoginAttemptKey key, CancellationToken cancellationToken) =>
        db.ReadAsync(c => Attempts(c, key), cancellationToken);

    public Task<long> CreateTokenAsync(byte[] hash, long userId, DateTimeOffset issuedAt, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        db.WriteAsync(c => Sql.Insert(
            c,
            "INSERT INTO tokens (hash, user_id, issued_at, last_used_at, expires_at) VALUES (@h, @u, @i, @i, @x)",
            ("@h", hash), ("@u", userId), ("@i", issuedAt), ("@x", expiresAt))!.Value);

    public Task<TokenSession?> FindTokenAsync(byte[] hash, CancellationToken cancellationToken) =>
        db.ReadAsync(c =>
        {
            var command = Sql.Command(
                c,
                $"SELECT {Account}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
                + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id WHERE k.hash = @h",
                ("@h", hash));
            using var r = command.ExecuteReader();
            return r.Read()
                ? new TokenSession(r.GetInt64(7), ReadAccount(c, r), r.Time(8)!.Value, r.Time(9)!.Value, r.Time(10)!.Value, r.Time(11))
                : null;
        }, cancellationToken);

    public Task<IReadOnlyList<TokenSession>> ListTokensAsync(long? userId, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<TokenSession>>(c =>
        {
            var command = Sql.Command(
                c,
                $"SELECT {Account}, k.id, k.issued_at, k.last_used_at, k.expires_at, k.released_at "
                + "FROM tokens k JOIN users u ON u.id = k.user_id JOIN tenants t ON t.id = u.tenant_id WHERE (@u IS NULL OR k.user_id = @u) ORDER BY k.id" + Sql.Limit(limit),
                ("@u", userId));
            using var r = command.ExecuteReader();
            var sessions = new List<TokenSession>();
            while (r.Read())
            {
                sessions.Add(new TokenSession(r.GetInt64(7), ReadAccount(c, r), r.Time(8)!.Value, r.Time(9)!.Value, r.Time(10)!.Value, r.Time(11)));
            }
            return sessions;
        }, cancellationToken);

    public async Task<bool> ReleaseTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var released = await db.WriteAsync(c => Sql.Execute(c, "UPDATE tokens SET released_at = @n WHERE id = @id AND released_at IS NULL", ("@n", now), ("@id", tokenId)) == 1);
        if (released)
        {
            changed(new StoreChange(StoreChangeKind.TokenReleased, tokenId));
        }
        return released;
    }

    public Task TouchTokenAsync(long tokenId, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.WriteAsync(c => Sql.Execute(c, "UPDATE tokens SET last_used_at = MAX(last_used_at, @n) WHERE id = @id", ("@n", now), ("@id", tokenId)));

    public Task<int> CountLiveTokensAsync(DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        db.ReadAsync(
            c => (int)Sql.ScalarInt64(
                c,
                "SELECT COUNT(*) FROM tokens WHERE released_at IS NULL AND expires_at > @now AND last_used_at > @idle",
                ("@now", now), ("@idle", now - idleTimeout))!.Value,
            cancellationToken);

    public Task<int> PurgeTokensAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        db.WriteAsync(c =>
        {
            Sql.Execute(c, "DELETE FROM login_attempts WHERE window_start < @b AND (locked_until IS NULL OR locked_until < @b)", ("@b", before));
            return Sql.Execute(c, "DELETE FROM tokens WHERE expires_at < @b OR released_at < @b", ("@b", before));
        });

    private static LoginThrottle? Attempts(SqliteConnection c, LoginAttemptKey key)
    {
        var command = Sql.Command(
            c,
            "SELECT attempts, window_start, locked_until FROM login_attempts WHERE eid_key = @e AND login_key = @l AND client = @c",
            ("@e", Keys.Fold(key.Eid)), ("@l", Keys.Fold(key.LoginName)), ("@c", key.ClientAddress));
        using var r = command.ExecuteReader();
        return r.Read() ? new LoginThrottle(r.GetInt32(0), r.Time(1)!.Value, r.Time(2)) : null;
    }

    private static void Store(SqliteConnection c, LoginAttemptKey key, LoginThrottle state) => Sql.Execute(
        c,
        "INSERT INTO login_attempts (eid_key, login_key, client, attempts, window_start, locked_until) VALUES (@e, @l, @c, @a, @w, @u) "
        + "ON CONFLICT (eid_key, login_key, client) DO UPDATE SET attempts = excluded.attempts, window_start = excluded.window_start, locked_until = excluded.locked_until",
        ("@e", Keys.Fold(key.Eid)), ("@l", Keys.Fold(key.LoginName)), ("@c", key.ClientAddress), ("@a", state.Attempts), ("@w", state.WindowStart), ("@u", state.LockedUntil));

    private static AccountState ReadAccount(SqliteConnection c, SqliteDataReader r)
    {
        var userId = r.GetInt64(0);
        var roles = Sql.Command(c, "SELECT role FROM user_roles WHERE user_id = @u ORDER BY position", ("@u", userId));
        using var rr = roles.ExecuteReader();
        var names = new List<string>();
        while (rr.Read())
        {
            names.Add(rr.GetString(0));
        }
        return new AccountState(userId, r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4) != 0, r.Time(5), r.Time(6), names);
    }
}
