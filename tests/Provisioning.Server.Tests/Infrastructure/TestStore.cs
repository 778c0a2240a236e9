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

    // Chosen explicitly, so a missing server fails every test that asked for PostgreSQL instead of skipping it.
    private static string Server => TestPostgres.ConnectionString
        ?? throw new InvalidOperationException($"{Variable}=Postgres needs {TestPostgres.Variable}, the connection string of a PostgreSQL server to test on");

    private static string DatabaseName(string directory) =>
        "provisioning_server_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(directory))))[..24];
}
