using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// A statement prepared once on the writer's connection and run many times with values bound by position: the bulk
/// import's hot loop. Microsoft.Data.Sqlite binds by name and builds a reader for every execution, which costs more
/// than the insert itself at a million rows.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds the values (long, int, string or null) and runs the statement to its end; returns the first row's first column.</summary>
    public long? Run(params ReadOnlySpan<object?> values)
    {
        Bind(values);
        long? first = null;
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                first ??= raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, 0);
            }
            Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return first;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>
    /// Runs an INSERT that may do nothing (ON CONFLICT DO NOTHING) and returns the new row's id, or null when no row was
    /// inserted: read from the connection, which costs less than a RETURNING clause.
    /// </summary>
    public long? Insert(params ReadOnlySpan<object?> values)
    {
        Run(values);
        return raw.sqlite3_changes(_db) == 1 ? raw.sqlite3_last_insert_rowid(_db) : null;
    }

    /// <summary>Binds the values and reads the first row, if any, with <paramref name="read"/>.</summary>
    public T? Read<T>(Func<sqlite3_stmt, T> read, params ReadOnlySpan<object?> values)
    {
        Bind(values);
        try
        {
            var rc = raw.sqlite3_step(_statement);
            Check(rc is raw.SQLITE_ROW or raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
            return rc == raw.SQLITE_ROW ? read(_statement) : default;
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null => raw.sqlite3_bind_null(_statement, i + 1),
                long l => raw.sqlite3_bind_int64(_statement, i + 1, l),
                int n => raw.sqlite3_bind_int64(_statement, i + 1, n),
                string s => raw.sqlite3_bind_text(_statement, i + 1, s),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name}.", nameof(values)),
            };
            Check(rc);
        }
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _db);
        }
    }
}
