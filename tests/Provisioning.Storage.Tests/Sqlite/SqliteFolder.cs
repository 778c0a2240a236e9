using Microsoft.Data.Sqlite;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Storage.Tests.Sqlite;

/// <summary>A folder of its own for one test's SQLite file: the store opened (and migrated) on it, raw SQL beside the store.</summary>
internal sealed class SqliteFolder(string prefix) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Database => Path.Combine(_folder, "provisioning.db");

    public async Task<SqliteProvisioningStore> OpenAsync()
    {
        var store = SqliteProvisioningStore.Open($"Data Source={Database}");
        await store.MigrateAsync(CancellationToken.None);
        return store;
    }

    /// <summary>
    /// Turns the audit log back into the one table of schemas 2 and 7, with its entries (texts in every row), so that
    /// migration 0011 runs again on a file as the servers before it left it.
    /// </summary>
    public const string UndoCompactAudit = """
        DROP VIEW audit_log;
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, eid TEXT NOT NULL, login TEXT NOT NULL, token_id INTEGER,
            operation TEXT NOT NULL, entity TEXT NOT NULL, object_key TEXT NOT NULL, before_json TEXT, after_json TEXT,
            hash BLOB NOT NULL DEFAULT X'0000000000000000000000000000000000000000000000000000000000000000',
            position INTEGER GENERATED ALWAYS AS (CASE WHEN hash <> X'0000000000000000000000000000000000000000000000000000000000000000' THEN id END) VIRTUAL) STRICT;
        CREATE INDEX audit_log_eid ON audit_log(eid, id);
        INSERT INTO audit_log (id, at, eid, login, token_id, operation, entity, object_key, before_json, after_json, hash)
        SELECT e.id, e.at, c.eid, c.login, c.token_id, c.operation, c.entity, e.object_key, e.before_json, e.after_json, e.hash
        FROM audit_entries e JOIN audit_contexts c ON c.id = e.context ORDER BY e.id;
        DELETE FROM sqlite_sequence WHERE name = 'audit_log';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_log', seq FROM sqlite_sequence WHERE name = 'audit_entries';
        DROP TABLE audit_entries;
        DROP TABLE audit_contexts;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NOT (OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' AND NEW.hash <> X'0000000000000000000000000000000000000000000000000000000000000000' AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.eid = OLD.eid
            AND NEW.login = OLD.login AND NEW.token_id IS OLD.token_id AND NEW.operation = OLD.operation AND NEW.entity = OLD.entity
            AND NEW.object_key = OLD.object_key AND NEW.before_json IS OLD.before_json AND NEW.after_json IS OLD.after_json)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        WHEN OLD.hash = X'0000000000000000000000000000000000000000000000000000000000000000' OR OLD.id > COALESCE((SELECT MAX(through) FROM audit_prune), 0)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    /// <summary>On a connection of its own, outside every pool.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
