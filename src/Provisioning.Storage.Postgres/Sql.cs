namespace Provisioning.Storage.Postgres;

/// <summary>Conversions of values to parameters: nulls, enums as integers, times as timestamptz in whole milliseconds.</summary>
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
}
