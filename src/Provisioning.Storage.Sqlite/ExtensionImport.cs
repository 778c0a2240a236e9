using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;
using SQLitePCL;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// One batch of a bulk import, run by the writer as one write: every statement is prepared once and reused for all rows,
/// and each row is checked before it is written (its user, its stored twin), so no row can fail the batch.
/// </summary>
internal sealed class ExtensionImport : IDisposable
{
    private readonly RawStatement _find;
    private readonly RawStatement _insert;
    private readonly RawStatement _update;
    private readonly RawStatement _userInTenant;
    private readonly SqliteSqlSession _session;
    private readonly AuditActor _actor;
    private readonly Dictionary<long, TenantRef> _tenants = [];
    private readonly Dictionary<(long, long), bool> _users = [];
    private readonly Dictionary<long, ImportedKeys> _changed = [];

    private ExtensionImport(SqliteConnection c, AuditActor actor)
    {
        _session = new SqliteSqlSession(c);
        _actor = actor;
        _find = new RawStatement(c, "SELECT id, address, recording_mode, media, user_id FROM extensions WHERE tenant_id = ?1 AND address_key = ?2");
        _insert = new RawStatement(
            c,
            "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING");
        _update = new RawStatement(c, "UPDATE extensions SET address = ?1, recording_mode = ?2, media = ?3, user_id = ?4 WHERE id = ?5");
        _userInTenant = new RawStatement(c, "SELECT 1 FROM users WHERE id = ?1 AND tenant_id = ?2");
    }

    public static List<ImportResult> Run(SqliteConnection c, IReadOnlyList<ExtensionWrite> rows, AuditActor actor)
    {
        using var import = new ExtensionImport(c, actor);
        var results = new List<ImportResult>(rows.Count);
        foreach (var row in rows)
        {
            results.Add(import.One(row));
        }
        import.AuditBatch();
        return results;
    }

    public void Dispose()
    {
        foreach (var statement in (RawStatement[])[_find, _insert, _update, _userInTenant])
        {
            statement.Dispose();
        }
    }

    private ImportResult One(ExtensionWrite row)
    {
        if (row.UserId is { } userId && !UserInTenant(userId, row.TenantId))
        {
            return ImportResult.Rejected(WriteStatus.MissingReference, StoreKey.User);
        }
        // Inserted first: a new row then costs one statement, and an existing one is found by the conflict.
        var key = Keys.Fold(row.Address);
        var media = row.Media.ApplyTo(RecordedMedia.None);
        if (_insert.Insert(row.TenantId, row.Address, key, (long)row.Mode, (long)media.Bits, row.UserId) is not null)
        {
            Changed(row.TenantId, row.Address, created: true);
            return ImportResult.Created;
        }
        var stored = Find(row.TenantId, key)!;
        var after = Value(stored.Id!.Value, row, row.Media.ApplyTo(stored.Media));
        if (after.Address == stored.Address && after.Mode == stored.Mode && after.Media == stored.Media && after.User?.Id == stored.User?.Id)
        {
            return ImportResult.Unchanged;
        }
        _update.Run(after.Address, (long)after.Mode, (long)after.Media.Bits, row.UserId, after.Id);
        Changed(row.TenantId, row.Address, created: false);
        return ImportResult.Updated;
    }

    private Extension? Find(long tenantId, string key) => _find.Read(
        r => new Extension
        {
            Id = raw.sqlite3_column_int64(r, 0),
            TenantId = tenantId,
            Address = raw.sqlite3_column_text(r, 1).utf8_to_string(),
            Mode = (RecordingMode)raw.sqlite3_column_int(r, 2),
            Media = new RecordedMedia(raw.sqlite3_column_int(r, 3)),
            User = raw.sqlite3_column_type(r, 4) == raw.SQLITE_NULL ? null : new User { Id = raw.sqlite3_column_int64(r, 4) },
        },
        tenantId,
        key);

    private Extension Value(long id, ExtensionWrite row, RecordedMedia media) => new()
    {
        Id = id,
        TenantId = row.TenantId,
        Tenant = Tenant(row.TenantId),
        Address = row.Address,
        Mode = row.Mode,
        Media = media,
        User = row.UserId is { } userId ? new User { Id = userId } : null,
    };

    private void Changed(long tenantId, string address, bool created)
    {
        if (!_changed.TryGetValue(tenantId, out var keys))
        {
            _changed[tenantId] = keys = new ImportedKeys([], []);
        }
        (created ? keys.Created : keys.Updated).Add(address);
    }

    /// <summary>
    /// One audit entry per batch and environment that lists the addresses created and updated: a full entry per row
    /// (about 12 µs each, with its JSON) alone would take more than the 10 s that a million rows may.
    /// </summary>
    private void AuditBatch()
    {
        foreach (var (tenantId, keys) in _changed)
        {
            var eid = Tenant(tenantId).Eid!;
            SqliteSqlSession.Completed(AuditRows.AppendAsync(_session, _actor, new AuditChange(AuditChange.Extension, eid, ImportedKeys.AuditKey, null, keys)));
        }
    }

    private TenantRef Tenant(long tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            tenant = SqliteSqlSession.Completed(_session.ListAsync("SELECT eid, short_name FROM tenants WHERE id = @t", r => new TenantRef(r.GetString(0), r.GetString(1)), ("@t", tenantId))) is [var found] ? found : TenantRef.None;
            _tenants[tenantId] = tenant;
        }
        return tenant;
    }

    private bool UserInTenant(long userId, long tenantId)
    {
        if (!_users.TryGetValue((userId, tenantId), out var found))
        {
            found = _userInTenant.Run(userId, tenantId) is not null;
            _users[(userId, tenantId)] = found;
        }
        return found;
    }
}
