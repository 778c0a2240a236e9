using System.Globalization;
using System.Reflection;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// Applies the embedded Migrations/NNNN_*.sql not yet recorded in schema_migrations (so one numbered below a version
/// already applied, from branches merged out of order, still runs), all in one
/// transaction under an advisory lock: instances that start together on one database migrate once, the others wait
/// and then find nothing left to do. PostgreSQL's DDL is transactional, so a failed migration leaves nothing behind.
/// </summary>
internal static class PostgresMigrations
{
    public static async Task<int> MigrateAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForStartAsync(cancellationToken);
        var db = new Db(connection, cancellationToken);
        if (await db.ScalarAsync("SELECT current_setting('synchronous_commit')") is "off")
        {
            throw new InvalidOperationException(
                $"the PostgreSQL database {database.Where} has synchronous_commit=off, so a write could be acknowledged and then lost: set it to on");
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Locks.MigrationsAsync(db);
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        var applied = (await db.ListAsync("SELECT version FROM schema_migrations", r => r.GetInt32(0))).ToHashSet();
        var current = applied.Count == 0 ? 0 : applied.Max();
        foreach (var (version, sql) in Migrations().Where(m => !applied.Contains(m.Version)))
        {
            await db.ExecuteAsync(sql);
            await db.ExecuteAsync("INSERT INTO schema_migrations (version) VALUES (@v)", ("@v", version));
            current = Math.Max(current, version);
        }
        await transaction.CommitAsync(cancellationToken);
        return current;
    }

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => Migrations().Max(m => m.Version);

    /// <summary>The version the database is at, 0 when it has never been migrated; reads only.</summary>
    public static async Task<int> CurrentAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenForStartAsync(cancellationToken);
        var db = new Db(connection, cancellationToken);
        if (await db.ScalarAsync("SELECT to_regclass('schema_migrations')::text") is null)
        {
            return 0;
        }
        return (int)(await db.Int64Async("SELECT COALESCE(MAX(version), 0) FROM schema_migrations") ?? 0);
    }

    private static IEnumerable<(int Version, string Sql)> Migrations()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => (Version: int.Parse(n["Migrations.".Length..].Split('_')[0], CultureInfo.InvariantCulture), Sql: ReadResource(assembly, n)))
            .OrderBy(m => m.Version);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
