using Npgsql;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>Conversions between values and columns: nulls, enums as integers, times as timestamptz in whole milliseconds.</summary>
internal static class Sql
{
    public static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        // Whole milliseconds in UTC, exactly what the SQLite store keeps, so both stores give back the same instant.
        DateTimeOffset t => new DateTime(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
        Enum e => Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    public static string? Text(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static int? Int32(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static bool? Bool(this NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetBoolean(ordinal);

    public static DateTimeOffset Time(this NpgsqlDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public static DateTimeOffset? TimeOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>
    /// A filter criterion on a folded key column: equal, or containing the folded value. strpos, not LIKE, so that
    /// '%' and '_' in the value are plain characters, as with SQLite's instr.
    /// </summary>
    public static string Match(string column, string parameter, TextMatch? match) => match switch
    {
        null => "true",
        { Exact: true } => $"{column} = {parameter}",
        _ => $"strpos({column}, {parameter}) > 0",
    };

    /// <summary>A list of ids as a bigint[] parameter, for <c>= ANY(@ids)</c>; null stays null ("no restriction").</summary>
    public static long[]? Ids(IEnumerable<long>? ids) => ids?.ToArray();
}
