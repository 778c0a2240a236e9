using System.Data.Common;
using System.Globalization;

namespace Provisioning.Storage;

/// <summary>
/// Reading columns the same way from both stores: SQLite keeps booleans as 0/1 and times as Unix milliseconds,
/// PostgreSQL as boolean and timestamptz (in whole milliseconds); partitions as "1,2" text or as an int[].
/// </summary>
internal static class Columns
{
    public static string? Text(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? Int32(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static bool? Bool(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetBoolean(ordinal);

    public static DateTimeOffset? Time(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldType(ordinal) == typeof(long)
            ? DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal))
            : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    /// <summary>Role names: a JSON array (SQLite) or a text[] (PostgreSQL).</summary>
    public static IReadOnlyList<string> Roles(this DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? System.Text.Json.JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? []
            : reader.GetFieldValue<string[]>(ordinal);

    public static IReadOnlyList<int> Partitions(this DbDataReader reader, int ordinal) =>
        reader.GetFieldType(ordinal) == typeof(string)
            ? reader.GetString(ordinal) is { Length: > 0 } text ? text.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray() : []
            : reader.GetFieldValue<int[]>(ordinal);
}
