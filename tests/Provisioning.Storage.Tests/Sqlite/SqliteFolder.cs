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
        CREATE TABLE audit_log_old (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, eid TEXT NOT NULL, login TEXT NOT NULL, token_id INTEGER,
            operation TEXT NOT NULL, entity TEXT NOT NULL, object_key TEXT NOT NULL, before_json TEXT, after_json TEXT,
            hash BLOB NOT NULL DEFAULT X'0000000000000000000000000000000000000000000000000000000000000000',
            position INTEGER GENERATED ALWAYS AS (CASE WHEN hash <> X'0000000000000000000000000000000000000000000000000000000000000000' THEN id END) VIRTUAL) STRICT;
        INSERT INTO audit_log_old (id, at, eid, login, token_id, operation, entity, object_key, before_json, after_json, hash)
        SELECT id, at, eid, login, token_id, operation, entity, object_key, before_json, after_json, hash FROM audit_log ORDER BY id;
        DELETE FROM sqlite_sequence WHERE name = 'audit_log_old';
        INSERT INTO sqlite_sequence (name, seq) SELECT 'audit_log_old', seq FROM sqlite_sequence WHERE name = 'audit_entries';
        DROP VIEW audit_log;
        DROP TABLE audit_entries;
        DROP TABLE audit_contexts;
        ALTER TABLE audit_log_old RENAME TO audit_log;
        CREATE INDEX audit_log_eid ON audit_log(eid, id);
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

    /// <summary>The first column of the first row, on a connection of its own.</summary>
    public object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
