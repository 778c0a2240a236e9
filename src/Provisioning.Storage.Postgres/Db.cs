using Npgsql;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// One open connection (inside a transaction when writing) and the cancellation of the call it serves: every command
/// is parameterised and gets the token. In a write, statements whose answer is not needed may be <see cref="Defer"/>red:
/// they go to the server together, in one round trip, before the write's next statement or its commit.
/// </summary>
internal readonly record struct Db(NpgsqlConnection Connection, CancellationToken Cancellation, List<NpgsqlBatchCommand>? Deferred = null)
{
    public NpgsqlCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, Sql.ToDb(value));
        }
        return command;
    }

    /// <summary>Holds the statement for the write's next round trip; runs it now outside a write.</summary>
    public Task Defer(string sql, params (string Name, object? Value)[] parameters)
    {
        if (Deferred is null)
        {
            return ExecuteAsync(sql, parameters);
        }
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, Sql.ToDb(value));
        }
        Deferred.Add(command);
        return Task.CompletedTask;
    }

    /// <summary>Sends the statements held so far, all in one round trip; an error in one fails the write as it would have at once.</summary>
    public async Task FlushAsync()
    {
        if (Deferred is not { Count: > 0 })
        {
            return;
        }
        await using var batch = new NpgsqlBatch(Connection);
        foreach (var command in Deferred)
        {
            batch.BatchCommands.Add(command);
        }
        Deferred.Clear();
        await batch.ExecuteNonQueryAsync(Cancellation);
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(Cancellation);
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(Cancellation);
        return value is DBNull ? null : value;
    }

    public async Task<long?> Int64Async(string sql, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, parameters) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public async Task<bool> ExistsAsync(string sql, params (string Name, object? Value)[] parameters) =>
        await ScalarAsync(sql, parameters) is not null;

    public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync();
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
