using System.Data;
using Npgsql;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The database behind one <see cref="NpgsqlDataSource"/> (its connection pool). There is no single writer: every write
/// is one READ COMMITTED transaction of its own on a pooled connection, and concurrent writers, in this process or in
/// another server instance, are kept apart by unique indexes, row locks and the advisory locks of <see cref="Locks"/>.
/// A write returns after its COMMIT returned, that is after the WAL was flushed (synchronous_commit on). Statements
/// whose answer the write does not need (audit rows, configuration changes, notifications) are held and sent together,
/// in one round trip, before the write's next statement or its commit: a create costs three round trips, not five.
/// </summary>
internal sealed class PostgresDatabase(NpgsqlDataSource source, string where) : ISqlDatabase, IAsyncDisposable
{
    private const int Attempts = 3;

    /// <summary>Host, port and database, for messages; never the password.</summary>
    public string Where => where;

    public Task<T> ReadAsync<T>(Func<Db, Task<T>> read, CancellationToken cancellationToken) =>
        ClearedOnLossAsync(async () =>
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            return await read(new Db(connection, cancellationToken));
        });

    public Task<T> ReadAsync<T>(Func<SqlSession, ValueTask<T>> read, CancellationToken cancellationToken) =>
        ReadAsync(c => read(new PostgresSqlSession(c)).AsTask(), cancellationToken);

    /// <summary>
    /// A write in a transaction of its own, kept when <paramref name="keep"/> says so. A unique or foreign-key violation
    /// that a concurrent writer caused after the write's own checks comes back as the result it stands for.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqlSession, ValueTask<T>> work, Func<T, bool> keep, Func<StoreConflict, T>? conflict, CancellationToken cancellationToken) =>
        RetryAsync(async () =>
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            T result;
            var session = new PostgresSqlSession(new Db(connection, cancellationToken, []));
            try
            {
                result = await work(session);
                if (keep(result))
                {
                    await session.FlushAsync();
                }
            }
            catch (PostgresException e) when (conflict is not null && Violations.ToConflict(e) is { } violation)
            {
                await transaction.RollbackAsync(cancellationToken);
                return conflict(violation);
            }
            if (keep(result))
            {
                await transaction.CommitAsync(cancellationToken);
            }
            else
            {
                await transaction.RollbackAsync(cancellationToken);
            }
            return result;
        });

    public ValueTask DisposeAsync() => source.DisposeAsync();

    /// <summary>Opens a connection for start-up work; an unreachable server becomes one clear line naming where it was sought.</summary>
    public async Task<NpgsqlConnection> OpenForStartAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await source.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException e)
        {
            var reason = e is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : e.InnerException?.Message ?? e.Message;
            throw new InvalidOperationException($"the PostgreSQL database {where} cannot be reached: {reason}", e);
        }
    }

    /// <summary>Runs a whole transaction again when it lost a deadlock or serialization race; nothing of it was kept.</summary>
    private async Task<T> RetryAsync<T>(Func<Task<T>> attempt)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await ClearedOnLossAsync(attempt);
            }
            catch (PostgresException e) when (Violations.IsTransient(e) && tries < Attempts)
            {
                // Rolled back by the server; the next attempt starts afresh on a new snapshot.
            }
        }
    }

    /// <summary>
    /// When a connection turns out to be lost, the idle ones in the pool, opened before the same restart or network
    /// failure, most likely are too, and each would fail one more request: the pool starts afresh instead. A write whose
    /// connection was lost is not run again, since its COMMIT may have been applied; the caller gets a fault.
    /// </summary>
    private async Task<T> ClearedOnLossAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (NpgsqlException e) when (Violations.IsConnectionLost(e))
        {
            source.Clear();
            throw;
        }
    }
}
