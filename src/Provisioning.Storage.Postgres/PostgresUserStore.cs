using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

internal sealed class PostgresUserStore(PostgresDatabase db, ChangeFeed feed) : IUserStore
{
    public Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(c => UserRows.ReadOneAsync(c, id, parts), cancellationToken);

    public Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await UserRows.ReadAsync(c, "u.tenant_id = @t AND u.login_key = @k", parts, 1, ("@t", tenantId), ("@k", Keys.Fold(loginName)))).FirstOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<User>>(async c => await UserRows.ReadAsync(c, Where(query), parts, limit, Parameters(query)), cancellationToken);

    public Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (int)(await c.Int64Async($"SELECT COUNT(*) FROM users u WHERE {Where(query)}", Parameters(query)) ?? 0), cancellationToken);

    public Task<StoreWrite<User>> CreateAsync(UserWrite write, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c => Audited(await UserWrites.CreateAsync(c, write), null), cancellationToken);

    public async Task<StoreWrite<User>> UpdateAsync(UserWrite write, CancellationToken cancellationToken)
    {
        var change = new StoreChange(StoreChangeKind.UserChanged, write.User.Id ?? 0);
        var result = await db.WriteAuditedAsync(async c =>
        {
            var (result, before) = await UserWrites.UpdateAsync(c, write);
            if (result.IsOk)
            {
                await ChangeFeed.NotifyAsync(c, change);
            }
            return Audited(result, before);
        }, cancellationToken);
        Raise(result.IsOk, change);
        return result;
    }

    public async Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var change = new StoreChange(StoreChangeKind.UserChanged, id);
        var result = await db.WriteAuditedAsync(async c =>
        {
            var (result, before) = await UserWrites.DeleteAsync(c, id);
            if (result.IsOk)
            {
                await ChangeFeed.NotifyAsync(c, change);
            }
            return result.IsOk && before is not null
                ? result with { Change = new AuditChange(AuditChange.User, before.Tenant.Eid!, before.LoginName!, before, null) }
                : result;
        }, cancellationToken);
        Raise(result.IsOk, change);
        return result;
    }

    public Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyDictionary<string, long>>(
            async c => (await c.ListAsync(
                "SELECT login_key, id FROM users WHERE tenant_id = @t AND login_key = ANY(@keys)",
                r => (Key: r.GetString(0), Id: r.GetInt64(1)),
                ("@t", tenantId), ("@keys", loginNames.Select(Keys.Fold).Distinct().ToArray()))).ToDictionary(x => x.Key, x => x.Id, StringComparer.Ordinal),
            cancellationToken);

    /// <summary>A changed or deleted user's cached sessions must go: its rights may be gone.</summary>
    private void Raise(bool ok, StoreChange change)
    {
        if (ok)
        {
            feed.Raise(change);
        }
    }

    private static StoreWrite<User> Audited(StoreWrite<User> result, User? before) =>
        result is { IsOk: true, Value: { } after }
            ? result with { Change = new AuditChange(AuditChange.User, after.Tenant.Eid!, after.LoginName!, before, after) }
            : result;

    private static string Where(UserQuery q) =>
        "(@tenants::bigint[] IS NULL OR u.tenant_id = ANY(@tenants)) AND (@userId::bigint IS NULL OR u.id = @userId) AND (@after::bigint IS NULL OR u.id > @after) AND "
        + Sql.Match("u.login_key", "@login", q.LoginName) + " AND "
        + Sql.Match("u.external_id_key", "@external", q.ExternalId) + " AND "
        + (q.Extension is null ? "true" : $"EXISTS (SELECT 1 FROM extensions e WHERE e.user_id = u.id AND {Sql.Match("e.address_key", "@extension", q.Extension)})") + " AND "
        + (q.Role is null ? "true" : $"EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND {Sql.Match("r.role_key", "@role", q.Role)})") + " AND "
        + (q.Group is null ? "true" : $"EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = u.id AND {Sql.Match("g.name_key", "@group", q.Group)})")
        + " AND (@inactive::boolean IS NULL OR (COALESCE(u.locked, false) OR COALESCE(u.valid_from > @now, false) OR COALESCE(u.valid_to <= @now, false)) = @inactive)";

    private static (string, object?)[] Parameters(UserQuery q) =>
    [
        ("@tenants", Sql.Ids(q.TenantIds)), ("@userId", q.UserId),
        ("@login", q.LoginName?.Key), ("@external", q.ExternalId?.Key), ("@extension", q.Extension?.Key),
        ("@role", q.Role?.Key), ("@group", q.Group?.Key), ("@inactive", q.Inactive), ("@now", q.Now), ("@after", q.AfterId),
    ];
}
