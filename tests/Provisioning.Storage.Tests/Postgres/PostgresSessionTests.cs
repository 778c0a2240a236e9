using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>
/// Token sessions cached by two instances on one database: what one instance changes, the other refuses within the
/// staleness bound, and a lost change feed serves nothing stale once it is back. Each instance checks tokens on a clock
/// the test moves, so a cached session never ages out on its own: only the change feed evicts it. Tests poll until
/// the change shows and then assert it did; they never measure the time it took.
/// </summary>
public sealed class PostgresSessionTests(TwoStoresOnOneDatabase stores) : IClassFixture<TwoStoresOnOneDatabase>
{
    private static CancellationToken Ct => CancellationToken.None;

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    private static AuditActor SystemActor => Caller.System.ActorAt(DateTimeOffset.UtcNow);

    [SkippableFact]
    public async Task Authenticate_TokenReleasedOnTheOtherInstance_Refused()
    {
        var (a, b, _, token) = await CachedOnBothAsync();

        Assert.True((await a.ReleaseAsync(token, Ct)).IsOk);

        Assert.Equal(Outcome.Unauthorized, (await RefusedAsync(b, token)).Outcome);
    }

    [SkippableFact]
    public async Task Authenticate_UserLockedOnTheOtherInstance_PermissionDenied()
    {
        var (_, b, user, token) = await CachedOnBothAsync();

        await UpdateAsync(stores.Require().First, user with { Locked = true });

        Assert.Equal(Failures.PermissionDenied.Message, (await RefusedAsync(b, token)).Message);
    }

    [SkippableFact]
    public async Task Authenticate_RoleRemovedOnTheOtherInstance_PermissionDenied()
    {
        var (_, b, user, token) = await CachedOnBothAsync();

        await UpdateAsync(stores.Require().First, user with { Roles = [] });

        Assert.Equal(Failures.PermissionDenied.Message, (await RefusedAsync(b, token)).Message);
    }

    [SkippableFact]
    public async Task Authenticate_UserDeletedOnTheOtherInstance_TokenInvalid()
    {
        var (_, b, user, token) = await CachedOnBothAsync();

        Assert.True((await stores.Require().First.Users.DeleteAsync(user.Id!.Value, SystemActor, Ct)).IsOk);

        Assert.Equal(Failures.TokenInvalid.Message, (await RefusedAsync(b, token)).Message);
    }

    [SkippableFact]
    public async Task Authenticate_TokenPastItsLifetime_TokenInvalidOnBoth()
    {
        var (a, b, _, token) = await CachedOnBothAsync();

        _time.Advance(new TokenOptions().MaxLifetime);

        Assert.Equal(Failures.TokenInvalid.Message, (await RefusedAsync(a, token)).Message);
        Assert.Equal(Failures.TokenInvalid.Message, (await RefusedAsync(b, token)).Message);
    }

    [SkippableFact]
    public async Task Authenticate_ChangeMissedWhileTheFeedWasAway_RefusedOnceItListensAgain()
    {
        var (_, b, _, token) = await CachedOnBothAsync();
        var (_, second) = stores.Require();

        // A release no instance is told of stands for one whose notification was lost while the feed was away.
        await SqlAsync("UPDATE tokens SET released_at = now() WHERE hash = @h", TokenCodec.Hash(token));
        var lost = await ListenersAsync();
        Assert.NotEmpty(lost);
        await SqlAsync("SELECT pg_terminate_backend(pid) FROM unnest(@h) AS pid", lost.ToArray());
        await Eventually.HoldsAsync(async () => (await ListenersAsync()).Except(lost).Count() == 2 && second.HearsChanges);

        Assert.Equal(Failures.TokenInvalid.Message, (await b.AuthenticateAsync(token, Ct)).Message);
    }

    /// <summary>A token of a new Administrator, authenticated on both instances, so each holds its session.</summary>
    private async Task<(TokenService A, TokenService B, User User, string Token)> CachedOnBothAsync()
    {
        var (first, second) = stores.Require();
        var (a, b) = (Instance(first), Instance(second));
        var user = await CreateAdministratorAsync(first);
        var token = TokenCodec.NewToken();
        var now = _time.GetUtcNow();
        await first.Tokens.CreateTokenAsync(TokenCodec.Hash(token), user.Id!.Value, now, now + new TokenOptions().MaxLifetime, Ct);
        await Eventually.HoldsAsync(() => Task.FromResult(first.HearsChanges && second.HearsChanges));
        Assert.True((await a.AuthenticateAsync(token, Ct)).IsOk);
        Assert.True((await b.AuthenticateAsync(token, Ct)).IsOk);
        return (a, b, user, token);
    }

    private TokenService Instance(IProvisioningStore store) =>
        new(store, new PasswordHasher(1000), new TokenOptions(), _time, new SessionCache(store, _time), new PasswordGate(2, 2, TimeSpan.FromSeconds(2), _time), new LoginCounts());

    /// <summary>Authenticates until refused, within a generous time; the last answer.</summary>
    private static async Task<Result<Caller>> RefusedAsync(TokenService instance, string token)
    {
        Result<Caller> answer = default;
        await Eventually.HoldsAsync(async () => !(answer = await instance.AuthenticateAsync(token, Ct)).IsOk);
        Assert.False(answer.IsOk);
        return answer;
    }

    private static async Task<User> CreateAdministratorAsync(IProvisioningStore store)
    {
        var suffix = Guid.NewGuid().ToString("N");
        var tenant = await store.Tenants.CreateAsync(new Tenant { Eid = "S" + suffix[..3], ShortName = "sessions-" + suffix }, SystemActor, Ct);
        Assert.True(tenant.IsOk);
        var user = await store.Users.CreateAsync(new UserWrite(new User { TenantId = tenant.Value!.Id, LoginName = "u-" + suffix, Roles = [Roles.Administrator] }, null), SystemActor, Ct);
        Assert.True(user.IsOk);
        return user.Value!;
    }

    private static async Task UpdateAsync(IProvisioningStore store, User user) =>
        Assert.True((await store.Users.UpdateAsync(new UserWrite(user with { Memberships = [] }, null), SystemActor, Ct)).IsOk);

    /// <summary>The backends of this database's change feeds, known by their heartbeat.</summary>
    private async Task<List<int>> ListenersAsync()
    {
        await using var connection = new NpgsqlConnection(stores.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = @q", connection);
        command.Parameters.AddWithValue("@q", ChangeFeedQuery);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            pids.Add(reader.GetInt32(0));
        }
        return pids;
    }

    private async Task SqlAsync(string sql, object value)
    {
        await using var connection = new NpgsqlConnection(stores.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("@h", value);
        await command.ExecuteNonQueryAsync(Ct);
    }

    // ChangeFeed is internal to the store; its heartbeat's text is what pg_stat_activity shows of it.
    private const string ChangeFeedQuery = "SELECT 'provisioning change feed'";
}
