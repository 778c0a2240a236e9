using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>How a store runs the shared SQL: reads on a connection of their own, writes in a transaction of their own.</summary>
internal interface ISqlDatabase
{
    Task<T> ReadAsync<T>(Func<SqlSession, ValueTask<T>> read, CancellationToken cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, kept when <paramref name="keep"/> says so of its result, else
    /// rolled back; the task completes when a kept write is durable. A constraint violation a concurrent writer caused
    /// answers <paramref name="conflict"/> when given (else it is thrown).
    /// </summary>
    Task<T> WriteAsync<T>(Func<SqlSession, ValueTask<T>> work, Func<T, bool> keep, Func<StoreConflict, T>? conflict, CancellationToken cancellationToken);
}
