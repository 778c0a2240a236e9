using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>Core's write port over a store's database: each write gets a <see cref="SqlWriteSession"/>, and what it announced is raised after its commit.</summary>
internal sealed class SqlStoreWriter(ISqlDatabase db, Action<StoreChange> raise) : IStoreWriter
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
}
