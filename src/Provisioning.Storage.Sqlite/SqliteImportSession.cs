using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;
using SQLitePCL;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The statements of a bulk import batch, prepared once on the writer's connection and run for every row with values
/// bound by position (see <see cref="RawStatement"/>): at a million rows, Microsoft.Data.Sqlite's binding by name and
/// its reader per execution would cost more than the inserts. What runs once a batch goes through the shared SQL.
/// </summary>
internal sealed class SqliteImportSession : IImportSession, IDisposable
{
    private readonly SqliteSqlSession _session;
    private readonly IImportSession _shared;
    private readonly RawStatement _find;
    private readonly RawStatement _insert;
    private readonly RawStatement _update;
    private readonly RawStatement _userTenant;
    private readonly RawStatement _change;

    public SqliteImportSession(SqliteSqlSession session, IImportSession shared)
    {
        _session = session;
        _shared = shared;
        var c = session.Connection;
        SqliteDatabase.Execute(c, $"PRAGMA cache_size={SqliteDatabase.ImportCachePages}");
        _find = new RawStatement(c, "SELECT id, address, recording_mode, media, user_id FROM extensions WHERE tenant_id = ?1 AND address_key = ?2");
        _insert = new RawStatement(
            c,
            "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
        _update = new RawStatement(c, "UPDATE extensions SET address = ?1, address_key = ?2, recording_mode = ?3, media = ?4, user_id = ?5 WHERE id = ?6");
        _userTenant = new RawStatement(c, "SELECT tenant_id FROM users WHERE id = ?1");
        _change = new RawStatement(c, "INSERT INTO configuration_changes (tenant_id, address, address_key) VALUES (?1, ?2, ?3)");
    }

    public ValueTask<Tenant?> FindTenantAsync(long id, bool forUpdate) => _shared.FindTenantAsync(id, forUpdate);

    public ValueTask AppendAuditAsync(AuditActor actor, AuditChange change) => _shared.AppendAuditAsync(actor, change);

    public ValueTask AppendConfigurationChangeAsync(long tenantId, string address)
    {
        _change.Run(tenantId, address, Keys.Fold(address));
        return ValueTask.CompletedTask;
    }

    public ValueTask NotifyAsync(StoreChange change) => _shared.NotifyAsync(change);

    public ValueTask<long?> FindUserTenantAsync(long userId) => ValueTask.FromResult(_userTenant.Run(userId));

    public ValueTask<long?> InsertExtensionAsync(Extension e) =>
        ValueTask.FromResult(_insert.Insert(e.TenantId, e.Address, Keys.Fold(e.Address!), (long)e.Mode, (long)e.Media.Bits, e.User?.Id));

    public ValueTask UpdateExtensionAsync(long id, Extension e)
    {
        _update.Run(e.Address, Keys.Fold(e.Address!), (long)e.Mode, (long)e.Media.Bits, e.User?.Id, id);
        return ValueTask.CompletedTask;
    }

    /// <summary>By environment and address only: the one key an import names.</summary>
    public ValueTask<Extension?> FindExtensionAsync(ExtensionKey key, bool forUpdate) => ValueTask.FromResult(_find.Read(
        r => new Extension
        {
            Id = raw.sqlite3_column_int64(r, 0),
            TenantId = key.TenantId,
            Address = raw.sqlite3_column_text(r, 1).utf8_to_string(),
            Mode = (RecordingMode)raw.sqlite3_column_int(r, 2),
            Media = new RecordedMedia(raw.sqlite3_column_int(r, 3)),
            User = raw.sqlite3_column_type(r, 4) == raw.SQLITE_NULL ? null : new User { Id = raw.sqlite3_column_int64(r, 4) },
        },
        key.TenantId,
        Keys.Fold(key.Address ?? throw new ArgumentException("An import finds an extension by its address.", nameof(key)))));

    public void Dispose()
    {
        foreach (var statement in (RawStatement[])[_find, _insert, _update, _userTenant, _change])
        {
            statement.Dispose();
        }
        SqliteDatabase.Execute(_session.Connection, $"PRAGMA cache_size={SqliteDatabase.CachePages}");
    }
}
