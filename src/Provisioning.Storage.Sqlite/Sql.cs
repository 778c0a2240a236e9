using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>Small helpers for commands and columns: nulls, booleans as 0/1, times as Unix milliseconds.</summary>
internal static class Sql
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = [];

    /// <summary>
    /// The command for <paramref name="sql"/> on this connection, prepared once and kept with the connection (the
    /// connections live in pools, so each statement is compiled once per connection). The caller must not dispose it.
    /// </summary>
    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
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

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Command(connection, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static long? ScalarInt64(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Scalar(connection, sql, parameters) is long value ? value : null;

    /// <summary>
    /// Runs an INSERT (which may do nothing, ON CONFLICT DO NOTHING) and returns the new row's id, or null when no row was
    /// inserted. The id is read from the connection: a RETURNING clause costs SQLite several microseconds a row more.
    /// </summary>
    public static long? Insert(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Execute(connection, sql, parameters) == 1 ? SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle) : null;

    public static bool Exists(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        Scalar(connection, sql, parameters) is not null;

    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1L : 0L,
        DateTimeOffset t => t.ToUnixTimeMilliseconds(),
        Enum e => Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    public static string? Text(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? Int32(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static bool? Bool(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal) != 0;

    public static DateTimeOffset? Time(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    /// <summary>A filter criterion on a folded key column: equal, or containing the folded value.</summary>
    public static string Match(string column, string parameter, TextMatch? match) => match switch
    {
        null => "1 = 1",
        { Exact: true } => $"{column} = {parameter}",
        _ => $"instr({column}, {parameter}) > 0",
    };

    /// <summary>
    /// A LIMIT clause written into the SQL: bound as a parameter, it makes SQLite compile the statement again on every
    /// execution. <see cref="int.MaxValue"/> means no limit. The values are few (1, 2, the list maximum), so are the texts.
    /// </summary>
    public static string Limit(int limit) =>
        limit == int.MaxValue ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" LIMIT {limit}");

    /// <summary>A list of ids as a JSON array, for <c>IN (SELECT value FROM json_each(@ids))</c>.</summary>
    public static string JsonIds(IEnumerable<long> ids) => "[" + string.Join(',', ids) + "]";
}
