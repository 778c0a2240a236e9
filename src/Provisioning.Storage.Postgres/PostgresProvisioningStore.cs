using Npgsql;
using Provisioning.Core.Resilience;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The store for several server instances on one PostgreSQL database: everything that is state (data, tokens, the
/// login throttle, ids, the audit log) lives in the database, so any instance answers any request.
/// </summary>
public sealed class PostgresProvisioningStore : SqlProvisioningStore
{
    private readonly PostgresDatabase _db;
    private readonly ChangeFeed _feed;

    private PostgresProvisioningStore(PostgresDatabase db, ChangeFeed feed)
        : base(db)
    {
        _db = db;
        _feed = feed;
    }

    /// <summary>Several server instances may share the database.</summary>
    public override bool IsShared => true;

    /// <summary>While the change feed listens and has confirmed it heard every change (see <see cref="ChangeFeed"/>); false before it starts.</summary>
    public override bool HearsChanges => _feed.HearsChanges;

    public override event Action<StoreChange>? Changed
    {
        add => _feed.Changed += value;
        remove => _feed.Changed -= value;
    }

    /// <summary>Hears when the change feed loses its connection to the database and when it has it back.</summary>
    public IOutageObserver? OutageObserver
    {
        get => _feed.Observer;
        set => _feed.Observer = value;
    }

    public override int LatestSchemaVersion => PostgresMigrations.Latest;

    /// <summary>
    /// Prepares the connection pool for the database that <paramref name="connectionString"/> (an Npgsql connection
    /// string) names; nothing connects before <see cref="MigrateAsync"/>, which says clearly when the server cannot be reached.
    /// </summary>
    public static PostgresProvisioningStore Open(string connectionString)
    {
        NpgsqlDataSourceBuilder builder;
        try
        {
            builder = new NpgsqlDataSourceBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // Npgsql names the keyword it could not take, never its value: safe to show.
            throw new ArgumentException($"The PostgreSQL connection string is not valid: {e.Message}", e);
        }
        var settings = builder.ConnectionStringBuilder;
        if (string.IsNullOrWhiteSpace(settings.Host))
        {
            throw new ArgumentException("The PostgreSQL connection string names no Host.", nameof(connectionString));
        }
        var given = Given(connectionString);
        if (!given.Contains("maxautoprepare"))
        {
            // The same few statements run over and over with other parameters: prepared once per connection, then only bound.
            settings.MaxAutoPrepare = 128;
        }
        if (!given.Contains("autoprepareminusages"))
        {
            // Npgsql's default is 5; a statement seen twice on a connection is one of the few the server runs.
            settings.AutoPrepareMinUsages = 2;
        }
        var where = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        var source = builder.Build();
        return new PostgresProvisioningStore(new PostgresDatabase(source, where), new ChangeFeed(source));
    }

    /// <summary>
    /// The keywords the connection string sets, folded (no spaces, lower case) as Npgsql accepts them either way; Npgsql's
    /// own builder says it "contains" every keyword it knows, set or not.
    /// </summary>
    private static HashSet<string> Given(string connectionString)
    {
        var parsed = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return parsed.Keys.Cast<string>().Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Migrates, then starts listening for the changes other instances make.</summary>
    public override async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var version = await PostgresMigrations.MigrateAsync(_db, cancellationToken);
        _feed.Start();
        return version;
    }

    public override Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => PostgresMigrations.CurrentAsync(_db, cancellationToken);

    public override Task PingAsync(CancellationToken cancellationToken) => _db.ReadAsync((Db c) => c.ScalarAsync("SELECT 1"), cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _db.DisposeAsync();
    }

    /// <summary>Other instances hear of the change through NOTIFY, sent with its transaction; this one at once.</summary>
    private protected override void Raise(StoreChange change) => _feed.Raise(change);
}
