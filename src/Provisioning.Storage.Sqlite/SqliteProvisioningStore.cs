using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>The embedded default store: one SQLite file in WAL mode with full sync.</summary>
public sealed class SqliteProvisioningStore : SqlProvisioningStore
{
    private readonly SqliteDatabase _db;

    private SqliteProvisioningStore(SqliteDatabase db)
        : base(db, (c, shared) => new SqliteImportSession((SqliteSqlSession)c, shared), reads => new CachedExtensionReads(reads, db.Writer))
    {
        _db = db;
    }

    /// <summary>One server process owns a SQLite file (the command line writes through the same rules, and briefly).</summary>
    public override bool IsShared => false;

    /// <summary>Every change is raised in this process at its commit; the command line's, from another process, is never heard.</summary>
    public override bool HearsChanges => true;

    /// <summary>Raised after commit; one process owns a SQLite file, so no other instance needs telling.</summary>
    public override event Action<StoreChange>? Changed;

    /// <summary>Called with the size of every committed batch of writes (group commit).</summary>
    public Action<int>? CommitObserver
    {
        get => _db.Writer.BatchObserver;
        set => _db.Writer.BatchObserver = value;
    }

    /// <summary>Told once when the file is lost, once when commits start failing and once when they succeed again.</summary>
    public Action<SqliteHealthEvent>? HealthObserver
    {
        get => _db.Writer.Health.Observer;
        set => _db.Writer.Health.Observer = value;
    }

    /// <summary>The database file, as a full path.</summary>
    public string FilePath => _db.FilePath;

    /// <summary>Opens (creating if needed) the database file that <paramref name="connectionString"/> names.</summary>
    public static SqliteProvisioningStore Open(string connectionString) => new(SqliteDatabase.Open(connectionString));

    public override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _db.MigrateAsync();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            // The first write of a start: a read-only file or a full disk shows here, and the operator needs the path.
            throw new InvalidOperationException($"the SQLite file {FilePath} cannot be written: {e.Message}", e);
        }
    }

    /// <summary>
    /// Writes a consistent copy of the database to <paramref name="file"/> (VACUUM INTO, one read transaction, so
    /// writes go on meanwhile) and returns its size in bytes. The copy is a complete database on its own.
    /// </summary>
    public Task<long> BackupAsync(string file, CancellationToken cancellationToken) => _db.ReadAsync(
        connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "VACUUM INTO $file";
            command.Parameters.AddWithValue("$file", file);
            command.ExecuteNonQuery();
            return new FileInfo(file).Length;
        },
        cancellationToken);

    public override Task PingAsync(CancellationToken cancellationToken) => _db.PingAsync(cancellationToken);

    public override int LatestSchemaVersion => SqliteDatabase.LatestVersion;

    public override Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => _db.ReadAsync(SqliteDatabase.SchemaVersion, cancellationToken);

    public override ValueTask DisposeAsync() => _db.DisposeAsync();

    private protected override void Raise(StoreChange change) => Changed?.Invoke(change);
}
