using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Provisioning.Core.Audit;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The shared SQL on one SQLite connection. Every statement is prepared once per connection and kept with it (the
/// connections live in pools, so each is compiled once per connection); SQLite runs it synchronously, so every task
/// this returns is already complete. On the writer's connection it chains audit entries as it writes them. Values:
/// booleans as 0/1, times as Unix milliseconds, lists as JSON arrays.
/// </summary>
internal sealed class SqliteSqlSession(SqliteConnection connection, SqliteAuditTail? auditTail = null) : SqlSession
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    public override SqlDialect Dialect => SqliteDialect.Instance;

    public SqliteConnection Connection => connection;

    /// <summary>On the writer's connection, entries are chained as they are written (<see cref="SqliteAuditTail"/>).</summary>
    public override ValueTask AppendAuditAsync(AuditActor actor, AuditChange change, AuditValues json)
    {
        if (auditTail is null)
        {
            return base.AppendAuditAsync(actor, change, json);
        }
        auditTail.Append(this, actor, change, json);
        return ValueTask.CompletedTask;
    }

    public override ValueTask<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        ValueTask.FromResult(Command(sql, parameters).ExecuteNonQuery());

    public override ValueTask<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        ValueTask.FromResult(Command(sql, parameters).ExecuteScalar() is var value && value is DBNull ? null : value);

    /// <summary>The id is read from the connection: a RETURNING clause costs SQLite several microseconds a row more.</summary>
    public override ValueTask<long?> InsertAsync(string sql, params (string Name, object? Value)[] parameters) =>
        ValueTask.FromResult(Command(sql, parameters).ExecuteNonQuery() == 1 ? SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle) : (long?)null);

    public override ValueTask<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }
        return ValueTask.FromResult(rows);
    }

    /// <summary>The result of work run on SQLite, which completes synchronously; anything else is a bug that must not block the writer.</summary>
    public static T Completed<T>(ValueTask<T> task) =>
        task.IsCompleted ? task.GetAwaiter().GetResult() : throw new InvalidOperationException("SQLite work must complete synchronously.");

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        DateTimeOffset t => t.ToUnixTimeMilliseconds(),
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable<long> ids => "[" + string.Join(',', ids) + "]",
        IEnumerable<string> texts => System.Text.Json.JsonSerializer.Serialize(texts, SqliteJson.Default.IEnumerableString),
        _ => value,
    };

    /// <summary>The command for <paramref name="sql"/> on this connection, prepared once and kept with it; never disposed by its users.</summary>
    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var commands = Prepared.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            // Without Prepare, Microsoft.Data.Sqlite compiles the SQL again on every execution.
            command.Prepare();
            commands[sql] = command;
        }
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, ToDb(value));
        }
        return command;
    }
}
