using Npgsql;
using Provisioning.Core.Audit;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The store for several server instances on one PostgreSQL database: everything that is state (data, tokens, the
/// login throttle, ids, the audit log) lives in the database, so any instance answers any request.
/// </summary>
public sealed class PostgresProvisioningStore : IProvisioningStore
{
    private readonly PostgresDatabase _db;

    private PostgresProvisioningStore(PostgresDatabase db)
    {
        _db = db;
        Tenants = new PostgresTenantStore(db);
        Users = new PostgresUserStore(db);
        Extensions = new PostgresExtensionStore(db);
        Tokens = new PostgresTokenStore(db);
        Groups = new PostgresGroupStore(db);
        Audit = new PostgresAuditStore(db);
    }

    public ITenantStore Tenants { get; }

    public IUserStore Users { get; }

    public IExtensionStore Extensions { get; }

    public ITokenStore Tokens { get; }

    public IGroupStore Groups { get; }

    public IAuditStore Audit { get; }

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
        if (settings.MaxAutoPrepare == 0)
        {
            // The same few statements run over and over with other parameters: prepared once per connection, then only bound.
            settings.MaxAutoPrepare = 128;
        }
        var where = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        return new PostgresProvisioningStore(new PostgresDatabase(builder.Build(), where));
    }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => PostgresMigrations.MigrateAsync(_db, cancellationToken);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
