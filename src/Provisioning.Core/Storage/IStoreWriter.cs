namespace Provisioning.Core.Storage;

/// <summary>The port through which Core writes: one transaction at a time, each with its own <see cref="IWriteSession"/>.</summary>
public interface IStoreWriter
{
    /// <summary>
    /// Runs <paramref name="work"/> inside one transaction and keeps what it wrote when <paramref name="keep"/> says so
    /// of its result, else rolls it back; the task completes when a kept write is durable. A constraint violation that
    /// a concurrent writer caused after the work's own checks rolls back and answers <paramref name="conflict"/>.
    /// Changes the work announced (<see cref="IImportSession.NotifyAsync"/>) are raised after the commit.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IWriteSession, ValueTask<T>> work, Func<T, bool> keep, Func<StoreConflict, T> conflict, CancellationToken cancellationToken);

    /// <summary>
    /// Runs a bulk import batch inside one transaction, with the store's fastest statements for it, and keeps it when
    /// <paramref name="keep"/> says so; the task completes when a kept batch is durable.
    /// </summary>
    Task<T> ImportAsync<T>(Func<IImportSession, ValueTask<T>> work, Func<T, bool> keep, CancellationToken cancellationToken);
}
