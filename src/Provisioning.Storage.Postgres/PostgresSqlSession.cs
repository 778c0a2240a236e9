using System.Data.Common;
using Npgsql;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The shared SQL on one PostgreSQL connection (inside the write's transaction when writing). Lists are bound as
/// arrays; a new row's id comes back through RETURNING; the rules spanning rows hold under advisory locks
/// (<see cref="Locks"/>), and announced changes go to the other instances with the commit (NOTIFY). Statements whose
/// outcome the write does not read are held and sent in one batch, ahead of the next statement or of the commit
/// (<see cref="FlushAsync"/>): a create's change-log row, notification and audit row cost one round trip, not three.
/// </summary>
internal sealed class PostgresSqlSession(Db db) : SqlSession
{
    private List<(string Sql, (string Name, object? Value)[] Parameters)>? _later;

    public override SqlDialect Dialect => PostgresDialect.Instance;

    public override async ValueTask<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        return await db.ExecuteAsync(sql, Bind(parameters));
    }

    public override async ValueTask<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        return await db.ScalarAsync(sql, Bind(parameters));
    }

    public override async ValueTask<long?> InsertAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        return await db.Int64Async(sql + " RETURNING id", Bind(parameters));
    }

    public override async ValueTask<List<T>> ListAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        return await db.ListAsync(sql, r => read(r), Bind(parameters));
    }

    public override ValueTask ExecuteLaterAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        (_later ??= []).Add((sql, Bind(parameters)));
        return ValueTask.CompletedTask;
    }

    public override async ValueTask LockMembershipsAsync(long tenantId)
    {
        await FlushAsync();
        await Locks.MembershipsAsync(db, tenantId);
    }

    public override async ValueTask LockRoleHoldersAsync()
    {
        await FlushAsync();
        await Locks.AdministratorsAsync(db);
    }

    public override ValueTask AnnounceAsync(StoreChange change) => ExecuteLaterAsync(ChangeFeed.Notify, ChangeFeed.NotifyParameters(change));

    /// <summary>Sends the statements held back, in one batch; called before each other statement and before the commit.</summary>
    public async ValueTask FlushAsync()
    {
        if (_later is not { Count: > 0 } later)
        {
            return;
        }
        _later = null;
        await using var batch = new NpgsqlBatch(db.Connection);
        foreach (var (sql, parameters) in later)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, Sql.ToDb(value));
            }
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(db.Cancellation);
    }

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
