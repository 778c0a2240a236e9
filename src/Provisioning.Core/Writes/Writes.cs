using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>Runs a write whose result is a <see cref="StoreWrite{T}"/>: kept only when it is OK, a conflict answered as the failure it stands for.</summary>
internal static class Writes
{
    public static Task<StoreWrite<T>> RunAsync<T>(this IStoreWriter writer, Func<IWriteSession, ValueTask<StoreWrite<T>>> work, CancellationToken cancellationToken) =>
        writer.WriteAsync(work, static w => w.IsOk, static c => new StoreWrite<T>(c.Status, default, c.Key, null), cancellationToken);
}
