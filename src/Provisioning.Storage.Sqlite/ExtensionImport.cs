using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// One batch of a bulk import, run by the writer as one write: every statement is prepared once and reused for all rows,
/// and each row is checked before it is written (its user, its stored twin), so no row can fail the batch.
/// </summary>
internal sealed class ExtensionImport : IDisposable
{
    private readonly SqliteCommand _find;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _update;
    private readonly SqliteCommand _userInTenant;
    private readonly SqliteCommand _audit;
    private readonly SqliteConnection _connection;
    private readonly AuditActor _actor;
    private readonly Dictionary<long, TenantRef> _tenants = [];
    private readonly Dictionary<(long, long), bool> _users = [];

    private ExtensionImport(SqliteConnection c, AuditActor actor)
    {
        _connection = c;
        _actor = actor;
        _find = Prepare(c, "SELECT id, address, recording_mode, media, user_id FROM extensions WHERE tenant_id = @t AND address_key = @k", "@t", "@k");
        _insert = Prepare(
            c,
            "INSERT INTO extensions (tenant_id, address, address_key, recording_mode, media, user_id) VALUES (@t, @a, @k, @m, @media, @u) RETURNING id",
            "@t", "@a", "@k", "@m", "@media", "@u");
        _update = Prepare(c, "UPDATE extensions SET address = @a, recording_mode = @m, media = @media, user_id = @u WHERE id = @id", "@a", "@m", "@media", "@u", "@id");
        _userInTenant = Prepare(c, "SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", "@id", "@t");
        _audit = AuditRows.Prepare(c);
    }

    public static List<ImportResult> Run(SqliteConnection c, IReadOnlyList<ExtensionImportRow> rows, AuditActor actor)
    {
        using var import = new ExtensionImport(c, actor);
        var results = new List<ImportResult>(rows.Count);
        foreach (var row in rows)
        {
            results.Add(import.One(row));
        }
        return results;
    }

    public void Dispose()
    {
        foreach (var command in (SqliteCommand[])[_find, _insert, _update, _userInTenant, _audit])
        {
            command.Dispose();
        }
    }

    private ImportResult One(ExtensionImportRow row)
    {
        if (row.UserId is { } userId && !UserInTenant(userId, row.TenantId))
        {
            return ImportResult.Rejected(WriteStatus.MissingReference, "user");
        }
        var key = Keys.Fold(row.Address);
        var stored = Find(row.TenantId, key);
        if (stored is null)
        {
            var media = row.Media.ApplyTo(RecordedMedia.None);
            var id = (long)Run(_insert, row.TenantId, row.Address, key, (long)row.Mode, (long)media.Bits, row.UserId)!;
            Audit(null, Value(id, row, media));
            return ImportResult.Created;
        }
        var after = Value(stored.Id!.Value, row, row.Media.ApplyTo(stored.Media));
        if (after.Address == stored.Address && after.Mode == stored.Mode && after.Media == stored.Media && after.User?.Id == stored.User?.Id)
        {
            return ImportResult.Unchanged;
        }
        Run(_update, after.Address, (long)after.Mode, (long)after.Media.Bits, row.UserId, after.Id);
        Audit(stored, after);
        return ImportResult.Updated;
    }

    private Extension? Find(long tenantId, string key)
    {
        SetValues(_find, tenantId, key);
        using var r = _find.ExecuteReader();
        if (!r.Read())
        {
            return null;
        }
        var tenant = Tenant(tenantId);
        return new Extension
        {
            Id = r.GetInt64(0),
            TenantId = tenantId,
            Tenant = tenant,
            Address = r.GetString(1),
            Mode = (RecordingMode)r.GetInt32(2),
            Media = new RecordedMedia(r.GetInt32(3)),
            User = r.IsDBNull(4) ? null : new User { Id = r.GetInt64(4) },
        };
    }

    private Extension Value(long id, ExtensionImportRow row, RecordedMedia media) => new()
    {
        Id = id,
        TenantId = row.TenantId,
        Tenant = Tenant(row.TenantId),
        Address = row.Address,
        Mode = row.Mode,
        Media = media,
        User = row.UserId is { } userId ? new User { Id = userId } : null,
    };

    private void Audit(Extension? before, Extension after) =>
        AuditRows.Append(_audit, _actor, new AuditChange(AuditChange.Extension, after.Tenant.Eid!, after.Address!, before, after));

    private TenantRef Tenant(long tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant))
        {
            using var command = Sql.Command(_connection, "SELECT eid, short_name FROM tenants WHERE id = @t", ("@t", tenantId));
            using var r = command.ExecuteReader();
            tenant = r.Read() ? new TenantRef(r.GetString(0), r.GetString(1)) : TenantRef.None;
            _tenants[tenantId] = tenant;
        }
        return tenant;
    }

    private bool UserInTenant(long userId, long tenantId)
    {
        if (!_users.TryGetValue((userId, tenantId), out var found))
        {
            found = Run(_userInTenant, userId, tenantId) is not null;
            _users[(userId, tenantId)] = found;
        }
        return found;
    }

    private static SqliteCommand Prepare(SqliteConnection c, string sql, params string[] parameters)
    {
        var command = c.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        return command;
    }

    private static object? Run(SqliteCommand command, params object?[] values)
    {
        SetValues(command, values);
        var result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static void SetValues(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
