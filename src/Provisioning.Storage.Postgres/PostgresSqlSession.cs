using System.Data.Common;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The shared SQL on one PostgreSQL connection (inside the write's transaction when writing). Lists are bound as
/// arrays; a new row's id comes back through RETURNING; the rules spanning rows hold under advisory locks
/// (<see cref="Locks"/>), and announced changes go to the other instances with the commit (NOTIFY).
/// </summary>
internal sealed class PostgresSqlSession(Db db) : SqlSession
{
    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override async ValueTask<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await db.ExecuteAsync(sql, Bind(parameters));

    public override async ValueTask DeferAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await db.Defer(sql, Bind(parameters));

    public override async ValueTask<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await db.ScalarAsync(sql, Bind(parameters));

    public override async ValueTask<long?> InsertAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await db.Int64Async(sql + " RETURNING id", Bind(parameters));

    public override async ValueTask<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        await db.ListAsync(sql, r => read(r), Bind(parameters));

    public override async ValueTask LockMembershipsAsync(long tenantId) => await Locks.MembershipsAsync(db, tenantId);

    public override async ValueTask LockRoleHoldersAsync() => await Locks.AdministratorsAsync(db);

    public override async ValueTask LockAuditChainAsync() => await Locks.AuditChainAsync(db);

    /// <summary>One statement for the whole batch: a round trip per entry would cost more than the sealing.</summary>
    public override async ValueTask SealAuditAsync(IReadOnlyList<(long Id, long Position, byte[] Hash)> sealedEntries) =>
        await ExecuteAsync(
            "UPDATE audit_log a SET position = v.position, hash = v.hash FROM unnest(@ids::bigint[], @positions::bigint[], @hashes::bytea[]) AS v(id, position, hash) WHERE a.id = v.id",
            ("@ids", sealedEntries.Select(e => e.Id).ToArray()), ("@positions", sealedEntries.Select(e => e.Position).ToArray()), ("@hashes", sealedEntries.Select(e => e.Hash).ToArray()));

    public override async ValueTask AnnounceAsync(StoreChange change) => await ChangeFeed.NotifyAsync(db, change);

    /// <summary>Sends what the write deferred; before its commit.</summary>
    public Task FlushAsync() => db.FlushAsync();

    /// <summary>Lists become arrays; everything else as <see cref="Sql.ToDb"/> converts it.</summary>
    private static (string, object?)[] Bind((string Name, object? Value)[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = parameters[i].Value switch
            {
                IEnumerable<long> ids and not long[] => ids.ToArray(),
                IEnumerable<string> texts and not string[] => texts.ToArray(),
                var value => value,
            };
        }
        return parameters;
    }
}
