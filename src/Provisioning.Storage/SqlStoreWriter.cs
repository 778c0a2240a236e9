using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>
/// Core's write port over a store's database: each write gets a <see cref="SqlWriteSession"/>, and what it announced is
/// raised after its commit; an import batch gets the store's import statements (the write session itself by default).
/// </summary>
internal sealed class SqlStoreWriter(ISqlDatabase db, Action<StoreChange> raise, Func<SqlSession, SqlWriteSession, IImportSession> importSession) : IStoreWriter
{
    public async Task<T> WriteAsync<T>(Func<IWriteSession, ValueTask<T>> work, Func<T, bool> keep, Func<StoreConflict, T> conflict, CancellationToken cancellationToken)
    {
        List<StoreChange>? changes = null;
        var result = await db.WriteAsync(
            async c =>
            {
                var session = new SqlWriteSession(c);
                var result = await work(session);
                changes = session.Changes;
                return result;
            },
            keep,
            conflict,
            cancellationToken);
        if (changes is not null && keep(result))
        {
            changes.ForEach(raise);
        }
        return result;
    }

    /// <summary>The store's import statements for the batch's connection; they go with the batch.</summary>
    public async Task<T> ImportAsync<T>(Func<IImportSession, ValueTask<T>> work, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        List<StoreChange>? changes = null;
        var result = await db.WriteAsync(
            async c =>
            {
                var shared = new SqlWriteSession(c);
                var session = importSession(c, shared);
                try
                {
                    var result = await work(session);
                    changes = shared.Changes;
                    return result;
                }
                finally
                {
                    (session as IDisposable)?.Dispose();
                }
            },
            keep,
            null,
            cancellationToken);
        if (changes is not null && keep(result))
        {
            changes.ForEach(raise);
        }
        return result;
    }
}
