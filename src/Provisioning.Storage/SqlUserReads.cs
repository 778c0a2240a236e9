using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlUserReads(ISqlDatabase db) : IUserReads
{
    public Task<User?> FindByIdAsync(long id, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(c => UserRows.ReadOneAsync(c, id, parts), cancellationToken);

    public Task<User?> FindByLoginAsync(long tenantId, string loginName, UserParts parts, CancellationToken cancellationToken) =>
        db.ReadAsync(
            async c => (await UserRows.ReadAsync(c, "u.tenant_id = @t AND u.login_key = @k", parts, 1, ("@t", tenantId), ("@k", Keys.Fold(loginName)))) is [var user] ? user : null,
            cancellationToken);

    public Task<IReadOnlyList<User>> ListAsync(UserQuery query, UserParts parts, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<User>>(async c => await UserRows.ReadAsync(c, Where(c.Dialect, query), parts, limit, query.Offset, Parameters(query)), cancellationToken);

    public Task<int> CountAsync(UserQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (int)(await c.Int64Async($"SELECT COUNT(*) FROM users u WHERE {Where(c.Dialect, query)}", Parameters(query)) ?? 0), cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> FindIdsByLoginAsync(long tenantId, IReadOnlyCollection<string> loginNames, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyDictionary<string, long>>(
            async c => (await c.ListAsync(
                $"SELECT login_key, id FROM users WHERE tenant_id = @t AND {c.Dialect.InList("login_key", "@keys")}",
                r => (Key: r.GetString(0), Id: r.GetInt64(1)),
                ("@t", tenantId), ("@keys", loginNames.Select(Keys.Fold).Distinct().ToArray()))).ToDictionary(x => x.Key, x => x.Id, StringComparer.Ordinal),
            cancellationToken);

    /// <summary>Only the criteria given are written: "(@x IS NULL OR …)" costs the planner on every execution and needs typed NULLs.</summary>
    private static string Where(SqlDialect d, UserQuery q)
    {
        var where = new List<string> { "TRUE" };
        Add(q.TenantIds is not null, d.InList("u.tenant_id", "@tenants"));
        Add(q.UserId is not null, "u.id = @userId");
        Add(q.AfterId is not null, "u.id > @after");
        Add(q.LoginName is not null, d.Match("u.login_key", "@login", q.LoginName));
        Add(q.ExternalId is not null, d.Match("u.external_id_key", "@external", q.ExternalId));
        Add(q.Extension is not null, $"EXISTS (SELECT 1 FROM extensions e WHERE e.user_id = u.id AND {d.Match("e.address_key", "@extension", q.Extension)})");
        Add(q.Role is not null, $"EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND {d.Match("r.role_key", "@role", q.Role)})");
        Add(q.Group is not null, $"EXISTS (SELECT 1 FROM memberships m JOIN groups g ON g.id = m.group_id WHERE m.user_id = u.id AND {d.Match("g.name_key", "@group", q.Group)})");
        Add(q.Inactive is not null, "(CASE WHEN COALESCE(u.locked, FALSE) = TRUE OR u.valid_from > @now OR u.valid_to <= @now THEN TRUE ELSE FALSE END) = @inactive");
        return string.Join(" AND ", where);

        void Add(bool given, string condition)
        {
            if (given)
            {
                where.Add(condition);
            }
        }
    }

    private static (string, object?)[] Parameters(UserQuery q) =>
    [
        ("@tenants", q.TenantIds), ("@userId", q.UserId), ("@login", q.LoginName?.Key), ("@external", q.ExternalId?.Key), ("@extension", q.Extension?.Key),
        ("@role", q.Role?.Key), ("@group", q.Group?.Key), ("@inactive", q.Inactive), ("@now", q.Now), ("@after", q.AfterId),
    ];
}
