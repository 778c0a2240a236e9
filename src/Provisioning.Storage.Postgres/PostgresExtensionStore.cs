using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

internal sealed class PostgresExtensionStore(PostgresDatabase db) : IExtensionStore
{
    /// <summary>
    /// The condition for a key, written for its shape: a generic "(@id IS NULL OR id = @id)" keeps the planner from using
    /// the primary key or the (environment, address) index, and every create and update would scan the environment.
    /// </summary>
    private static string KeyWhere(ExtensionKey key) => (key.Id, key.Address) switch
    {
        (not null, not null) => "e.id = @id AND e.tenant_id = @t AND e.address_key = @key",
        (not null, null) => "e.id = @id AND e.tenant_id = @t",
        _ => "e.tenant_id = @t AND e.address_key = @key",
    };

    public Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken) =>
        db.ReadAsync(c => FindAsync(c, key, withUser: true, forUpdate: false), cancellationToken);

    public Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Extension>>(
            async c => await WithUsersAsync(c, await c.ListAsync(
                $"{ExtensionRows.Select} WHERE (@tenants::bigint[] IS NULL OR e.tenant_id = ANY(@tenants)) AND "
                + Sql.Match("e.address_key", "@address", query.Address)
                + " AND (@user::bigint IS NULL OR e.user_id = @user) AND (@after::bigint IS NULL OR e.id > @after) ORDER BY e.id LIMIT @limit",
                ExtensionRows.Read,
                ("@tenants", Sql.Ids(query.TenantIds)),
                ("@address", query.Address?.Key),
                ("@user", query.UserId),
                ("@after", query.AfterId),
                ("@limit", limit))),
            cancellationToken);

    /// <summary>One batch of a bulk import in one transaction (rolled back for a dry run); see <see cref="ExtensionImport"/>.</summary>
    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, CancellationToken cancellationToken)
    {
        var actor = AuditContext.Current ?? AuditRows.System(DateTimeOffset.UtcNow);
        return db.ImportAsync(c => ExtensionImport.RunAsync(c, rows, actor), dryRun, cancellationToken);
    }

    /// <summary>
    /// The unique index decides between concurrent creates of one address (from any instance): ON CONFLICT DO NOTHING
    /// makes the losers wait for the winner's commit and then insert nothing, so they answer Duplicate, never an error.
    /// </summary>
    public Task<StoreWrite<Extension>> CreateAsync(Extension extension, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (!await UserInTenantAsync(c, extension))
            {
                return StoreWrite<Extension>.MissingReference("user");
            }
            var id = await c.Int64Async(
                "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) "
                + "ON CONFLICT DO NOTHING RETURNING id",
                ("@t", extension.TenantId), ("@a", extension.Address), ("@k", Keys.Fold(extension.Address!)), ("@m", extension.Mode),
                ("@media", extension.MediaOver(RecordedMedia.None).Bits), ("@u", extension.User?.Id));
            return id is null
                ? StoreWrite<Extension>.Duplicate("extension")
                : Changed(null, (await FindAsync(c, new ExtensionKey(extension.TenantId, id, null), withUser: false, forUpdate: false))!);
        }, cancellationToken);

    /// <summary>The stored row is read under a row lock, so the media change applies to the value no other write is changing.</summary>
    public Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, Extension values, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (await FindAsync(c, key, withUser: false, forUpdate: true) is not { } stored)
            {
                return StoreWrite<Extension>.NotFound();
            }
            if (!await UserInTenantAsync(c, values))
            {
                return StoreWrite<Extension>.MissingReference("user");
            }
            var addressKey = Keys.Fold(values.Address!);
            if (await c.ExistsAsync("SELECT 1 FROM extensions WHERE tenant_id = @t AND address_key = @k AND id <> @id", ("@t", key.TenantId), ("@k", addressKey), ("@id", stored.Id)))
            {
                return StoreWrite<Extension>.Duplicate("extension");
            }
            await c.ExecuteAsync(
                "UPDATE extensions SET address = @a, address_key = @k, recording_mode = @m, media = @media, user_id = @u WHERE id = @id",
                ("@a", values.Address), ("@k", addressKey), ("@m", values.Mode), ("@media", values.MediaOver(stored.Media).Bits),
                ("@u", values.User?.Id), ("@id", stored.Id));
            return Changed(stored, (await FindAsync(c, key with { Id = stored.Id, Address = null }, withUser: false, forUpdate: false))!);
        }, cancellationToken);

    public Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(async c =>
        {
            if (await FindAsync(c, key, withUser: false, forUpdate: true) is not { } stored)
            {
                return StoreWrite<Extension>.NotFound();
            }
            await c.ExecuteAsync("DELETE FROM extensions WHERE id = @id", ("@id", stored.Id));
            return StoreWrite<Extension>.Ok(stored, new AuditChange(AuditChange.Extension, stored.Tenant.Eid!, stored.Address!, stored, null));
        }, cancellationToken);

    private static StoreWrite<Extension> Changed(Extension? before, Extension after) =>
        StoreWrite<Extension>.Ok(after, new AuditChange(AuditChange.Extension, after.Tenant.Eid!, after.Address!, before, after));

    private static async Task<bool> UserInTenantAsync(Db c, Extension extension) =>
        extension.User?.Id is not { } userId
        || await c.ExistsAsync("SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", ("@id", userId), ("@t", extension.TenantId));

    private static async Task<Extension?> FindAsync(Db c, ExtensionKey key, bool withUser, bool forUpdate)
    {
        if (key.Id is null && key.Address is null)
        {
            // A key that names nothing finds nothing (it must never match every extension of the environment).
            return null;
        }
        var rows = await c.ListAsync(
            $"{ExtensionRows.Select} WHERE {KeyWhere(key)}" + (forUpdate ? " FOR UPDATE OF e" : ""),
            ExtensionRows.Read,
            ("@t", key.TenantId), ("@id", key.Id), ("@key", key.Address is null ? null : Keys.Fold(key.Address)));
        return withUser
            ? (await WithUsersAsync(c, rows)).FirstOrDefault()
            : rows.Select(r => r.Extension with { User = r.UserId is { } u ? new User { Id = u } : null }).FirstOrDefault();
    }

    private static async Task<List<Extension>> WithUsersAsync(Db c, List<(Extension Extension, long? UserId)> rows)
    {
        var ids = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToArray();
        var users = ids.Length == 0
            ? new Dictionary<long, User>()
            : (await UserRows.ReadAsync(c, "u.id = ANY(@ids)", UserParts.WithoutExtensions, ids.Length, ("@ids", ids))).ToDictionary(u => u.Id!.Value);
        return rows.ConvertAll(r => r.Extension with { User = r.UserId is { } id && users.TryGetValue(id, out var user) ? user : null });
    }
}
