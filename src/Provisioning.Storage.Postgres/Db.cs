using Npgsql;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// One open connection (inside a transaction when writing) and the cancellation of the call it serves: every command
/// is parameterised and gets the token.
/// </summary>
internal readonly record struct Db(NpgsqlConnection Connection, CancellationToken Cancellation)
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

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(Cancellation);
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
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
