using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>
/// The database file: one writer connection (see <see cref="SqliteWriter"/>) and pooled reader connections, which WAL
/// lets read while the writer writes. Settings that make an OK durable: journal_mode=WAL, synchronous=FULL.
/// </summary>
internal sealed class SqliteDatabase : ISqlDatabase, IAsyncDisposable
{
    private const int MaxIdleReaders = 64;
    private readonly string _readConnectionString;
    private readonly ConcurrentQueue<SqliteConnection> _readers = new();

    private SqliteDatabase(string readConnectionString, SqliteWriter writer)
    {
        _readConnectionString = readConnectionString;
        Writer = writer;
    }

    public SqliteWriter Writer { get; }

    /// <summary>The writer's page cache: 64 MiB (a negative cache_size is KiB).</summary>
    public const int CachePages = -65536;

    /// <summary>
    /// The writer's page cache while a bulk import batch runs: 16 MiB. An import mostly appends, so a larger cache fills
    /// with pages it rarely reads again (up to 48 MB more); the million-row import took the same CPU time with 16 MiB.
    /// </summary>
    public const int ImportCachePages = -16384;

    public static SqliteDatabase Open(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a database file: an in-memory database would lose every write.", nameof(connectionString));
        }
        var path = Path.GetFullPath(builder.DataSource);
        SqliteFileChecks.BeforeOpen(path);
        var writerConnection = new SqliteConnection(builder.ToString());
        try
        {
            writerConnection.Open();
            Execute(writerConnection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000; PRAGMA cache_size={CachePages}; PRAGMA temp_store=MEMORY;");
        }
        catch (SqliteException e)
        {
            writerConnection.Dispose();
            throw new InvalidOperationException($"the SQLite file {path} cannot be opened: {e.Message}", e);
        }
        builder.Mode = SqliteOpenMode.ReadWrite;
        return new SqliteDatabase(builder.ToString(), new SqliteWriter(writerConnection, path, new WriteHealth())) { FilePath = path };
    }

    /// <summary>The database file, as a full path.</summary>
    public string FilePath { get; private init; } = "";

    /// <summary>Runs a read on a connection of its own, taken from this database's pool (with its prepared statements).</summary>
    public T Read<T>(Func<SqliteConnection, T> read)
    {
        if (!_readers.TryDequeue(out var connection))
        {
            connection = new SqliteConnection(_readConnectionString);
            connection.Open();
        }
        var healthy = false;
        try
        {
            var result = read(connection);
            healthy = true;
            return result;
        }
        finally
        {
            if (healthy && _readers.Count < MaxIdleReaders)
            {
                _readers.Enqueue(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }

    /// <summary>
    /// Ready when the file opens afresh (pooled connections keep a deleted file open) and reads, the writer has not
    /// found the file lost, and the last commit succeeded; while commits fail, a probe write must succeed instead.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Writer.Health.Lost is { } lost)
        {
            throw new InvalidOperationException(lost);
        }
        var builder = new SqliteConnectionStringBuilder(_readConnectionString) { Pooling = false };
        using (var connection = new SqliteConnection(builder.ToString()))
        {
            connection.Open();
            Scalar(connection, "SELECT COUNT(*) FROM tenants");
        }
        if (Writer.Health.NotReadyReason is null)
        {
            // The last commit worked and the next one checks the file first: no need to queue behind a long write
            // (a command-line import holds the lock for seconds) just to answer a probe.
            return;
        }
        await Writer.ProbeAsync().WaitAsync(cancellationToken);
        // A probe that fit on a nearly full disk does not end the episode (see SqliteWriter): still not ready.
        if (Writer.Health.NotReadyReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }

    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(read));
    }

    public Task<T> ReadAsync<T>(Func<SqlSession, ValueTask<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(c => SqliteSqlSession.Completed(read(new SqliteSqlSession(c))), cancellationToken);

    /// <summary>
    /// Queued to the writer, which runs it in a savepoint of its next batch. One writer at a time means no concurrent
    /// writer can violate a constraint behind a write's back: <paramref name="conflict"/> is never needed here.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqlSession, ValueTask<T>> work, Func<T, bool> keep, Func<StoreConflict, T>? conflict, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Writer.ExecuteAsync(c => SqliteSqlSession.Completed(work(new SqliteSqlSession(c, Writer.AuditTail))), keep);
    }

    /// <summary>
    /// Applies the embedded migrations the file has not had, all in one write transaction, so another process migrating
    /// the same file at the same time waits and then finds nothing left to do. Applied versions are listed in
    /// schema_migrations, so a migration numbered below one already applied (branches merged out of order) still runs;
    /// a file from before that list had every version up to its user_version. user_version is the highest applied.
    /// </summary>
    public Task<int> MigrateAsync() => Writer.ExecuteAsync(connection =>
    {
        var applied = AppliedVersions(connection);
        var current = applied.Count == 0 ? 0 : applied.Max();
        foreach (var (version, sql) in Migrations().Where(m => !applied.Contains(m.Version)))
        {
            Execute(connection, sql);
            Execute(connection, $"INSERT INTO schema_migrations (version) VALUES ({version})");
            current = Math.Max(current, version);
            Execute(connection, $"PRAGMA user_version = {current}");
        }
        return current;
    });

    private static HashSet<int> AppliedVersions(SqliteConnection connection)
    {
        var listed = Scalar(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'") is not null;
        if (!listed)
        {
            var before = SchemaVersion(connection);
            Execute(connection, "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY) STRICT");
            for (var version = 1; version <= before; version++)
            {
                Execute(connection, $"INSERT INTO schema_migrations (version) VALUES ({version})");
            }
        }
        var versions = new HashSet<int>();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_migrations";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(reader.GetInt32(0));
        }
        return versions;
    }

    public static int LatestVersion { get; } = Migrations().Max(m => m.Version);

    public static int SchemaVersion(SqliteConnection connection) =>
        Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        while (_readers.TryDequeue(out var reader))
        {
            await reader.DisposeAsync();
        }
        using var pooled = new SqliteConnection(_readConnectionString);
        SqliteConnection.ClearPool(pooled);
    }

    public static int Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = typeof(SqliteDatabase).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n["Migrations.".Length..].Split('_')[0], System.Globalization.CultureInfo.InvariantCulture), Sql: ReadResource(assembly, n)))
            .OrderBy(m => m.Version);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
