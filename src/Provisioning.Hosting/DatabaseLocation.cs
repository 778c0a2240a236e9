using Microsoft.Data.Sqlite;
using Npgsql;

namespace Provisioning.Hosting;

/// <summary>
/// Where the configured database is, said the same way by the server (in its start log) and the command line (in
/// status): the SQLite file's absolute path, or the PostgreSQL host, port and database (never the password). A relative
/// SQLite path is relative to the working directory, for both.
/// </summary>
public sealed class DatabaseLocation
{
    private DatabaseLocation(string description, string? sqliteFile)
    {
        Description = description;
        SqliteFile = sqliteFile;
    }

    /// <summary>What the logs and status show.</summary>
    public string Description { get; }

    /// <summary>The SQLite file's absolute path; null for PostgreSQL and in-memory databases.</summary>
    public string? SqliteFile { get; }

    /// <summary>The folder <see cref="Prepare"/> had to create, if any.</summary>
    public string? CreatedDirectory { get; private set; }

    public static DatabaseLocation Of(StorageSettings settings)
    {
        try
        {
            return Parse(settings);
        }
        catch (ArgumentException e)
        {
            throw StoreFactory.Unusable(e);
        }
    }

    private static DatabaseLocation Parse(StorageSettings settings)
    {
        if (StoreFactory.IsSqlite(settings))
        {
            var source = new SqliteConnectionStringBuilder(settings.ConnectionString ?? StoreFactory.DefaultSqliteConnectionString).DataSource;
            // In-memory and URI file names are passed to SQLite as they are; only a plain path names a file here.
            return source is "" or ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
                ? new DatabaseLocation($"SQLite {source}", null)
                : new DatabaseLocation(Path.GetFullPath(source), Path.GetFullPath(source));
        }
        if (StoreFactory.IsPostgres(settings) && !string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            var postgres = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
            return new DatabaseLocation($"PostgreSQL host {postgres.Host}, port {postgres.Port}, database {postgres.Database ?? postgres.Username}", null);
        }
        return new DatabaseLocation(settings.Provider, null);
    }

    /// <summary>Creates the SQLite file's folder when it is missing; fails naming the folder when that is not possible.</summary>
    public void Prepare()
    {
        if (Path.GetDirectoryName(SqliteFile) is not { Length: > 0 } directory || Directory.Exists(directory))
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(directory);
            CreatedDirectory = directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"the folder {directory} of the SQLite database does not exist and cannot be created: {e.Message}", e);
        }
    }
}
