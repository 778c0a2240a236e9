using Npgsql;

namespace Provisioning.Tests.Shared;

/// <summary>
/// The PostgreSQL server that tests use, named by PROVISIONING_TEST_PG (an Npgsql connection string to an existing
/// database, for a role that may create databases). Each user of it gets fresh databases of its own.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "PROVISIONING_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>
    /// The server's connection string. Without one the calling test is skipped with the reason, locally; under CI=true,
    /// where .ci/run starts a cluster, it fails instead: a missing database must never pass unnoticed.
    /// </summary>
    public static string Require()
    {
        if (ConnectionString is { } connectionString)
        {
            return connectionString;
        }
        var reason = $"{Variable} is not set: the PostgreSQL tests need a server (see the README, \"PostgreSQL and several instances\")";
        if (InCi)
        {
            throw new InvalidOperationException(reason + "; under CI=true .ci/run must provide one");
        }
        Skip.If(true, reason);
        return "";
    }

    /// <summary>Creates an empty database; returns the connection string that names it.</summary>
    public static async Task<string> CreateDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Checked(name)}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database, closing whatever sessions are still on it (a killed server's, for one).</summary>
    public static async Task DropDatabaseAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Checked(name)}\" WITH (FORCE)", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                // FORCE may not end an autovacuum worker that is on the database at that moment (it runs as no role the
                // test's role may signal); the worker is done within moments, so try again.
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Whether a database of that name exists on the server.</summary>
    public static async Task<bool> ExistsAsync(string server, string name)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("@n", name);
        return await exists.ExecuteScalarAsync() is not null;
    }

    // Names are made by the tests (a prefix and hex digits); anything else would be a bug, not an identifier to quote.
    private static string Checked(string name) =>
        name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') ? name : throw new ArgumentException($"Not a test database name: {name}", nameof(name));
}
