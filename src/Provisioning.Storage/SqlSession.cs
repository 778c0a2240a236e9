using System.Data.Common;
using Provisioning.Core.Audit;

namespace Provisioning.Storage;

/// <summary>
/// One open connection (inside a transaction when writing) that runs the SQL both stores share. Every command is
/// parameterised; how values become parameters, how a new row's id is read and how statements are kept prepared is
/// the store's. Its <see cref="Dialect"/> writes the few fragments the two SQL dialects spell differently.
/// </summary>
internal abstract class SqlSession
{
    public abstract SqlDialect Dialect { get; }

    public abstract ValueTask<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters);

    /// <summary>The first column of the first row; null for none or a NULL.</summary>
    public abstract ValueTask<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters);

    /// <summary>Runs an INSERT (which may do nothing, ON CONFLICT DO NOTHING) and returns the new row's id, or null when none was inserted.</summary>
    public abstract ValueTask<long?> InsertAsync(string sql, params (string Name, object? Value)[] parameters);

    public abstract ValueTask<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters);

    /// <summary>Serialises the writes that change one environment's memberships; a no-op where one writer runs at a time.</summary>
    public virtual ValueTask LockMembershipsAsync(long tenantId) => ValueTask.CompletedTask;

    /// <summary>Serialises the writes that could remove the last holder of a role; a no-op where one writer runs at a time.</summary>
    public virtual ValueTask LockRoleHoldersAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Runs a statement whose answer the write does not need (an audit row, a configuration change, a notification). A
    /// store that pays a round trip per statement may hold it and send it ahead of the write's next statement, or with
    /// its commit: order and transaction stay the same, and an error in it still fails the write. Here it runs at once.
    /// </summary>
    public virtual async ValueTask DeferAsync(string sql, params (string Name, object? Value)[] parameters) => await ExecuteAsync(sql, parameters);

    /// <summary>
    /// Appends an audit entry to the write's transaction, unsealed: the sealer chains it after its commit. A store whose
    /// single writer commits in id order may chain it here instead (docs/AUDIT.md).
    /// </summary>
    public virtual ValueTask AppendAuditAsync(AuditActor actor, AuditChange change, AuditValues json) =>
        DeferAsync(AuditRows.Insert, AuditRows.Parameters(actor, change, json));

    /// <summary>Serialises the sealers and prunes of the audit chain; a no-op where one writer runs at a time.</summary>
    public virtual ValueTask LockAuditChainAsync() => ValueTask.CompletedTask;

    /// <summary>Writes the positions and hashes the sealer gave entries; one statement per entry where that is cheap.</summary>
    public virtual async ValueTask SealAuditAsync(IReadOnlyList<(long Id, long Position, byte[] Hash)> sealedEntries)
    {
        foreach (var (id, position, hash) in sealedEntries)
        {
            await ExecuteAsync(Dialect.AuditChain.SealOne, ("@id", id), ("@position", position), ("@hash", hash));
        }
    }

    /// <summary>Tells the other instances sharing the database of a change, with the transaction; a no-op where no other instance is.</summary>
    public virtual ValueTask AnnounceAsync(Core.Storage.StoreChange change) => ValueTask.CompletedTask;

    public async ValueTask<long?> Int64Async(string sql, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, parameters) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public async ValueTask<bool> ExistsAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, parameters) is not null;

    public async ValueTask<T?> FirstAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
        where T : class =>
        (await ListAsync(sql, read, parameters)) is [var first, ..] ? first : null;
}
