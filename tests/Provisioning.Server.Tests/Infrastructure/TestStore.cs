using System.Security.Cryptography;
using System.Text;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// The store the server tests run on: a SQLite file in the server's folder by default; with
/// PROVISIONING_TEST_STORE=Postgres, a database of its own per server folder on the PostgreSQL server that
/// PROVISIONING_TEST_PG names (a server started again on the same folder finds the same database).
/// </summary>
public static class TestStore
{
    public const string Variable = "PROVISIONING_TEST_STORE";

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable(Variable), "Postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of Provisioning:Storage:Provider.</summary>
    public static string Provider => IsPostgres ? "Postgres" : "Sqlite";

    public static string ConnectionString(string directory) => IsPostgres
        ? new Npgsql.NpgsqlConnectionStringBuilder(Server) { Database = DatabaseName(directory) }.ConnectionString
        : $"Data Source={Path.Combine(directory, "provisioning.db")}";

    /// <summary>Creates the folder's database unless it exists (a restart finds its data again).</summary>
    public static async Task PrepareAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        if (IsPostgres && !await TestPostgres.ExistsAsync(Server, DatabaseName(directory)))
        {
            await TestPostgres.CreateDatabaseAsync(Server, DatabaseName(directory));
        }
    }

    /// <summary>Removes the folder and, on PostgreSQL, the folder's database.</summary>
    public static async Task DeleteAsync(string directory)
    {
        if (IsPostgres)
        {
            await TestPostgres.DropDatabaseAsync(Server, DatabaseName(directory));
        }
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temporary folder is cleaned by the system.
        }
    }

    /// <summary>Everything the database holds, as text: the SQLite files' bytes, or every row of every table on PostgreSQL.</summary>
    public static async Task<string> DumpAsync(string directory)
    {
        if (!IsPostgres)
        {
            return string.Concat(Directory.GetFiles(directory, "provisioning.db*").Select(f =>
            {
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return Encoding.Latin1.GetString(copy.ToArray());
            }));
        }
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString(directory));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new Npgsql.NpgsqlCommand($"SELECT COALESCE(string_agg(t::text, E'\\n'), '') FROM \"{table}\" t", connection);
            dump.Append(await rows.ExecuteScalarAsync()).Append('\n');
        }
        return dump.ToString();
    }

    /// <summary>Drops the extensions table behind the server's back, so its next read of extensions fails inside the store.</summary>
    public static async Task BreakAsync(string directory)
    {
        if (IsPostgres)
        {
            await using var connection = new Npgsql.NpgsqlConnection(ConnectionString(directory));
            await connection.OpenAsync();
            await using var drop = new Npgsql.NpgsqlCommand("DROP TABLE extensions CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
            return;
        }
        using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(directory, "provisioning.db")};Pooling=False");
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE extensions;";
        command.ExecuteNonQuery();
    }

    /// <summary>Takes the database away: the SQLite file is deleted; a PostgreSQL database refuses connections and loses its sessions.</summary>
    public static async Task MakeUnreachableAsync(string directory)
    {
        if (!IsPostgres)
        {
            File.Delete(Path.Combine(directory, "provisioning.db"));
            return;
        }
        var name = DatabaseName(directory);
        await using var connection = new Npgsql.NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var refuse = new Npgsql.NpgsqlCommand(
            $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
            connection);
        await refuse.ExecuteNonQueryAsync();
    }

    // Chosen explicitly, so a missing server fails every test that asked for PostgreSQL instead of skipping it.
    private static string Server => TestPostgres.ConnectionString
        ?? throw new InvalidOperationException($"{Variable}=Postgres needs {TestPostgres.Variable}, the connection string of a PostgreSQL server to test on");

    private static string DatabaseName(string directory) =>
        "provisioning_server_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory))))[..24];
}
