using Microsoft.Data.Sqlite;

namespace Provisioning.Server.Tests.Durability;

/// <summary>Reads a SQLite database file directly, as an operator's sqlite3 would, after the server let go of it.</summary>
internal static class SqliteFiles
{
    public static HashSet<string> Addresses(string database, string prefix)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT address FROM extensions WHERE address LIKE $prefix || '%'";
        command.Parameters.AddWithValue("$prefix", prefix);
        using var reader = command.ExecuteReader();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            addresses.Add(reader.GetString(0));
        }
        return addresses;
    }

    public static string IntegrityCheck(string database)
    {
        using var connection = Open(database);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadWrite;Pooling=False");
        connection.Open();
        return connection;
    }
}
