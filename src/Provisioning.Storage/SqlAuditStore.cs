using System.Text.Json;
using Provisioning.Core.Audit;

namespace Provisioning.Storage;

/// <summary>The audit log in SQL: entries, the sealer that chains them, the chain's reads and the prune (docs/AUDIT.md).</summary>
internal sealed class SqlAuditStore(ISqlDatabase db) : IAuditStore
{
    /// <summary>Entries sealed per transaction: enough that sealing keeps up, few enough that a writer waits milliseconds for it.</summary>
    private const int SealBatch = 2_000;

    private const string LatestPrune = "SELECT after_json FROM audit_log WHERE eid = '' AND entity = @entity AND object_key = @key ORDER BY id DESC LIMIT 1";

    public Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<AuditEntry>>(async c => await AuditRows.ReadAsync(c, query, limit), cancellationToken);

    public Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken) =>
        db.ReadAsync(async c => await AuditRows.CountAsync(c, query), cancellationToken);

    public async Task<int> SealAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        // A read first, so that an idle database costs the writer nothing.
        while (await db.ReadAsync(async c => await c.ExistsAsync($"SELECT 1 FROM audit_log WHERE {c.Dialect.AuditChain.Unsealed} LIMIT 1"), cancellationToken))
        {
            var count = await db.WriteAsync(SealBatchAsync, n => n > 0, null, cancellationToken);
            total += count;
            if (count < SealBatch)
            {
                break;
            }
        }
        return total;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadChainAsync(AuditEntry? after, long? through, int limit, CancellationToken cancellationToken) =>
        db.ReadAsync<IReadOnlyList<AuditEntry>>(
            async c =>
            {
                var chain = c.Dialect.AuditChain;
                return await c.ListAsync(
                    $"SELECT {AuditRows.Columns} FROM audit_log WHERE {(after is null ? "TRUE" : chain.After)} AND {(through is null ? "TRUE" : chain.Through)}"
                    + $"{(chain.PositionIsId ? string.Empty : " AND " + chain.Sealed)} ORDER BY {chain.ChainOrder}{SqlDialect.Limit(limit)}",
                    AuditRows.Read,
                    ("@id", after?.Id), ("@position", after?.Position), ("@through", through));
            },
            cancellationToken);

    public Task<(AuditAnchor Start, AuditAnchor Head)> EndsAsync(CancellationToken cancellationToken) =>
        db.ReadAsync(async c => (await StartAsync(c), await HeadAsync(c)), cancellationToken);

    public Task<long?> PrefixBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) => db.ReadAsync<long?>(
        async c =>
        {
            var chain = c.Dialect.AuditChain;
            var (start, head) = (await StartAsync(c), await HeadAsync(c));
            var firstNewer = await c.Int64Async(
                $"SELECT position FROM audit_log WHERE {chain.Sealed} AND at >= @before ORDER BY {chain.ChainOrder} LIMIT 1", ("@before", before));
            var through = Math.Min(head.Position, (firstNewer ?? long.MaxValue) - 1);
            return through > start.Position ? through : null;
        },
        cancellationToken);

    public Task<bool> PruneAsync(AuditAnchor start, AuditAnchor through, AuditPrune record, AuditActor actor, CancellationToken cancellationToken) =>
        db.WriteAsync(
            async c =>
            {
                var chain = c.Dialect.AuditChain;
                await c.LockAuditChainAsync();
                var current = await StartAsync(c);
                var last = await c.ScalarAsync($"SELECT hash FROM audit_log WHERE {chain.At} AND {chain.Sealed}", ("@position", through.Position)) as byte[];
                if (current != start || last is null || !last.AsSpan().SequenceEqual(through.Hash))
                {
                    return false;
                }
                await c.ExecuteAsync("INSERT INTO audit_prune (through) VALUES (@through)", ("@through", through.Position));
                var removed = await c.ExecuteAsync($"DELETE FROM {chain.Table} WHERE {chain.Sealed} AND {chain.Through}", ("@through", through.Position));
                await c.ExecuteAsync("DELETE FROM audit_prune");
                if (removed != through.Position - start.Position)
                {
                    return false;
                }
                await AuditRows.AppendAsync(c, actor, new AuditChange(AuditPrune.Entity, string.Empty, AuditPrune.Key, null, record));
                return true;
            },
            removed => removed,
            null,
            cancellationToken);

    /// <summary>One batch, under the chain's lock: the entries after the last sealed one, each hashed over the one before.</summary>
    internal static async ValueTask<int> SealBatchAsync(SqlSession c)
    {
        var chain = c.Dialect.AuditChain;
        await c.LockAuditChainAsync();
        var previous = await HeadAsync(c);
        var entries = await c.ListAsync(
            $"SELECT {AuditRows.Columns} FROM audit_log WHERE {chain.Unsealed} ORDER BY {chain.SealOrder}{SqlDialect.Limit(SealBatch)}", AuditRows.Read);
        if (entries.Count == 0)
        {
            return 0;
        }
        var sealedEntries = new List<(long Id, long Position, byte[] Hash)>(entries.Count);
        foreach (var entry in entries)
        {
            var position = chain.PositionIsId ? entry.Id : previous.Position + 1;
            var hash = AuditChain.Hash(previous.Hash, entry, position);
            sealedEntries.Add((entry.Id, position, hash));
            previous = new AuditAnchor(position, hash);
        }
        await c.SealAuditAsync(sealedEntries);
        await c.ExecuteAsync("UPDATE audit_chain SET position = @position, hash = @hash WHERE id = 1", ("@position", previous.Position), ("@hash", previous.Hash));
        return entries.Count;
    }

    private static async ValueTask<AuditAnchor> HeadAsync(SqlSession c) =>
        await c.FirstAsync("SELECT position, hash FROM audit_chain WHERE id = 1", r => new AuditAnchor(r.GetInt64(0), (byte[])r.GetValue(1)))
        ?? throw new InvalidOperationException("The audit chain's head row is missing (migration 0007 writes it).");

    /// <summary>What the live chain's first entry follows: the last entry the latest prune removed, as its entry records it.</summary>
    private static async ValueTask<AuditAnchor> StartAsync(SqlSession c)
    {
        if (await c.ScalarAsync(LatestPrune, ("@entity", AuditPrune.Entity), ("@key", AuditPrune.Key)) is not string json)
        {
            return AuditChain.Genesis;
        }
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new AuditAnchor(root.GetProperty("lastPosition").GetInt64(), Convert.FromHexString(root.GetProperty("lastHash").GetString()!));
    }
}
