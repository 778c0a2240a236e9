using System.Globalization;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

internal sealed class SqliteUserStore(SqliteDatabase db, Action<StoreChange> changed) : IUserStore
{
    public Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(c => UserRows.ReadOne(c, id, parts), cancellationToken);

    public Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(c => UserRows.Read(c, "u.tenant_id = @t AND u.login_key = @k", parts, 1, ("@t", tenantId), ("@k", Keys.Fold(loginName))).FirstOrDefault(), cancellationToken);

    public Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<User>>(c => UserRows.Read(c, Where(query), parts, limit, Parameters(query)), cancellationToken);

    public Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(
            c => Convert.ToInt32(Sql.Scalar(c, $"SELECT COUNT(*) FROM users u WHERE {Where(query)}", Parameters(query)), CultureInfo.InvariantCulture),
            cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyDictionary<string, long>>(c =>
        {
            using var command = Sql.Command(
                c,
                "SELECT login_key, id FROM users WHERE tenant_id = @t AND login_key IN (SELECT value FROM json_each(@keys))",
                ("@t", tenantId), ("@keys", System.Text.Json.JsonSerializer.Serialize(loginNames.Select(Keys.Fold).Distinct())));
            using var r = command.ExecuteReader();
            var ids = new Dictionary<string, long>(StringComparer.Ordinal);
            while (r.Read())
            {
                ids[r.GetString(0)] = r.GetInt64(1);
            }
            return ids;
        }, cancellationToken);

    public Task<StoreWrite<User>> CreateAsync(UserWrite write, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c => Audited(UserWrites.Create(c, write), null));

    public async Task<StoreWrite<User>> UpdateAsync(UserWrite write, CancellationToken cancellationToken)
    {
        var result = await db.WriteAuditedAsync(c =>
        {
            var before = write.User.Id is { } id ? UserRows.ReadOne(c, id, UserParts.All) : null;
            return Audited(UserWrites.Update(c, write), before);
        });
        Notify(result.IsOk, write.User.Id);
        return result;
    }

    public async Task<StoreWrite<long>> DeleteAsync(long id, CancellationToken cancellationToken)
    {
        var result = await db.WriteAuditedAsync(c =>
        {
            var before = UserRows.ReadOne(c, id, UserParts.All);
            var result = UserWrites.Delete(c, id);
            return result.IsOk && before is not null
                ? result with { Change = new AuditChange(AuditChange.User, before.Tenant.Eid!, before.LoginName!, before, null) }
                : result;
        });
        Notify(result.IsOk, id);
        return result;
    }

    /// <summary>A changed or deleted user's cached sessions must go: its rights may be gone.</summary>
    private void Notify(bool ok, long? userId)
    {
        if (ok && userId is { } id)
        {
            changed(new StoreChange(StoreChangeKind.UserChanged, id));
        }
    }

    private static StoreWrite<User> Audited(StoreWrite<User> result, User? before) =>
        result is { IsOk: true, Value: { } after }
            ? result with { Change = new AuditChange(AuditChange.User, after.Tenant.Eid!, after.LoginName!, before, after) }
            : result;

    private static string Where(UserQuery q) =>
        "(@tenants IS NULL OR u.tenant_id IN (SELECT value FROM json_each(@tenants))) AND (@userId IS NULL OR u.id = @userId) AND (@after IS NULL OR u.id > @after) AND "
        + Sql.Match("u.login_key", "@login", q.LoginName) + " AND "
        + Sql.Match("u.external_id_key", "@external", q.ExternalId) + " AND "
        + (q.Extension is null ? "1 = 1" : $"EXISTS (SELECT 1 FROM extensions e WHERE e.user_id = u.id AND {Sql.Match("e.address_key", "@extension", q.Extension)})") + " AND "
        + (q.Role is null ? "1 = 1" : $"EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND {Sql.Match("r.role_key", "@role", q.Role)})") + " AND "
        + (q.Group is null ? "1 = 1" : $"EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = u.id AND {Sql.Match("g.name_key", "@group", q.Group)})")
        + " AND (@inactive IS NULL OR (CASE WHEN COALESCE(u.locked, 0) = 1 OR u.valid_from > @now OR u.valid_to <= @now THEN 1 ELSE 0 END) = @inactive)";

    private static (string, object?)[] Parameters(UserQuery q) =>
    [
        ("@tenants", q.TenantIds is null ? null : Sql.JsonIds(q.TenantIds)), ("@userId", q.UserId),
        ("@login", q.LoginName?.Key), ("@external", q.ExternalId?.Key), ("@extension", q.Extension?.Key),
        ("@role", q.Role?.Key), ("@group", q.Group?.Key), ("@inactive", q.Inactive), ("@now", q.Now), ("@after", q.AfterId),
    ];
}
