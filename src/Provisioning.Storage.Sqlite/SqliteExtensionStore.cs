using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

internal sealed class SqliteExtensionStore(SqliteDatabase db) : IExtensionStore
{
    private readonly ReadCache<(long Tenant, string Key), IReadOnlyList<Extension>> _byAddress = new(db.Writer, 50_000);

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
        db.ReadAsync(c => Find(c, key, withUser: true), cancellationToken);

    public Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken)
    {
        // getExtension: one environment, one exact address. Served from memory while nothing was written since.
        if (query is { TenantIds: [var tenant], Address.Exact: true, UserId: null, AfterId: null } && limit <= 2)
        {
            var key = (tenant, query.Address.Key);
            if (_byAddress.TryGet(key, out var cached))
            {
                return Task.FromResult(cached);
            }
            var generation = _byAddress.Generation;
            return ReadListAsync(query, limit, found => _byAddress.Put(key, found, generation), cancellationToken);
        }
        return ReadListAsync(query, limit, null, cancellationToken);
    }

    private Task<IReadOnlyList<Extension>> ReadListAsync(ExtensionQuery query, int limit, Action<IReadOnlyList<Extension>>? keep, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<Extension>>(c =>
        {
            // One environment (the usual case) is an equality the (tenant, address) index serves; several go through json_each.
            var tenants = query.TenantIds switch
            {
                null => "1 = 1",
                [_] => "e.tenant_id = @tenant",
                _ => "e.tenant_id IN (SELECT value FROM json_each(@tenants))",
            };
            // Only the criteria given are written: "(@x IS NULL OR …)" costs the planner on every execution.
            var command = Sql.Command(
                c,
                $"{ExtensionRows.Select} WHERE {tenants} AND " + Sql.Match("e.address_key", "@address", query.Address)
                + (query.UserId is null ? string.Empty : " AND e.user_id = @user")
                + (query.AfterId is null ? string.Empty : " AND e.id > @after")
                + " ORDER BY e.id" + Sql.Limit(limit),
                ("@tenant", query.TenantIds is [var one] ? one : null),
                ("@tenants", query.TenantIds is null or [_] ? null : Sql.JsonIds(query.TenantIds)),
                ("@address", query.Address?.Key),
                ("@user", query.UserId),
                ("@after", query.AfterId));
            var found = WithUsers(c, ExtensionRows.ReadAll(command));
            keep?.Invoke(found);
            return found;
        }, cancellationToken);

    public Task<StoreWrite<Extension>> CreateAsync(Extension extension, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            if (!UserInTenant(c, extension))
            {
                return StoreWrite<Extension>.MissingReference("user");
            }
            var media = extension.MediaOver(RecordedMedia.None);
            var id = Sql.Insert(
                c,
                "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) "
                + "ON CONFLICT DO NOTHING",
                ("@t", extension.TenantId), ("@a", extension.Address), ("@k", Keys.Fold(extension.Address!)), ("@m", extension.Mode),
                ("@media", media.Bits), ("@u", extension.User?.Id));
            if (id is null)
            {
                return StoreWrite<Extension>.Duplicate("extension");
            }
            // What was written is known; only a caller that did not name the environment needs it read back.
            var created = extension.Tenant.Eid is null
                ? Find(c, new ExtensionKey(extension.TenantId, id, null), withUser: false)!
                : extension with { Id = id, Media = media, MediaChange = null, User = extension.User?.Id is { } user ? new User { Id = user } : null };
            return Changed(null, created);
        });

    public Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, Extension values, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            if (Find(c, key, withUser: false) is not { } stored)
            {
                return StoreWrite<Extension>.NotFound();
            }
            if (!UserInTenant(c, values))
            {
                return StoreWrite<Extension>.MissingReference("user");
            }
            var addressKey = Keys.Fold(values.Address!);
            if (Sql.Exists(c, "SELECT 1 FROM extensions WHERE tenant_id = @t AND address_key = @k AND id <> @id", ("@t", key.TenantId), ("@k", addressKey), ("@id", stored.Id)))
            {
                return StoreWrite<Extension>.Duplicate("extension");
            }
            Sql.Execute(
                c,
                "UPDATE extensions SET address = @a, address_key = @k, recording_mode = @m, media = @media, user_id = @u WHERE id = @id",
                ("@a", values.Address), ("@k", addressKey), ("@m", values.Mode), ("@media", values.MediaOver(stored.Media).Bits),
                ("@u", values.User?.Id), ("@id", stored.Id));
            return Changed(stored, Find(c, key with { Id = stored.Id, Address = null }, withUser: false)!);
        });

    public Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, CancellationToken cancellationToken) =>
        db.WriteAuditedAsync(c =>
        {
            if (Find(c, key, withUser: false) is not { } stored)
            {
                return StoreWrite<Extension>.NotFound();
            }
            Sql.Execute(c, "DELETE FROM extensions WHERE id = @id", ("@id", stored.Id));
            return StoreWrite<Extension>.Ok(stored, new AuditChange(AuditChange.Extension, stored.Tenant.Eid!, stored.Address!, stored, null));
        });

    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var actor = AuditContext.Current ?? AuditRows.System(DateTimeOffset.UtcNow);
        return db.Writer.ExecuteAsync<IReadOnlyList<ImportResult>>(c => ExtensionImport.Run(c, rows, actor), _ => !dryRun);
    }

    private static StoreWrite<Extension> Changed(Extension? before, Extension after) =>
        StoreWrite<Extension>.Ok(after, new AuditChange(AuditChange.Extension, after.Tenant.Eid!, after.Address!, before, after));

    private static bool UserInTenant(SqliteConnection c, Extension extension) =>
        extension.User?.Id is not { } userId
        || Sql.Exists(c, "SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", ("@id", userId), ("@t", extension.TenantId));

    private static Extension? Find(SqliteConnection c, ExtensionKey key, bool withUser)
    {
        if (key.Id is null && key.Address is null)
        {
            // A key that names nothing finds nothing (it must never match every extension of the environment).
            return null;
        }
        var command = Sql.Command(
            c,
            $"{ExtensionRows.Select} WHERE {KeyWhere(key)}",
            ("@t", key.TenantId), ("@id", key.Id), ("@key", key.Address is null ? null : Keys.Fold(key.Address)));
        var rows = ExtensionRows.ReadAll(command);
        return withUser ? WithUsers(c, rows).FirstOrDefault() : rows.Select(r => r.Extension with { User = r.UserId is { } u ? new User { Id = u } : null }).FirstOrDefault();
    }

    private static List<Extension> WithUsers(SqliteConnection c, List<(Extension Extension, long? UserId)> rows)
    {
        var ids = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToArray();
        var users = ids.Length == 0
            ? new Dictionary<long, User>()
            : UserRows.Read(c, "u.id IN (SELECT value FROM json_each(@ids))", UserParts.WithoutExtensions, int.MaxValue, ("@ids", Sql.JsonIds(ids))).ToDictionary(u => u.Id!.Value);
        return rows.ConvertAll(r => r.Extension with { User = r.UserId is { } id && users.TryGetValue(id, out var user) ? user : null });
    }
}
