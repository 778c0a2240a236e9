using System.Runtime.CompilerServices;

namespace Provisioning.Core.Audit;

/// <summary>
/// The whole history: the entries of the archive files in a folder (<see cref="AuditArchiveFile"/>) and the live log.
/// An entry archived and not yet removed (an archive run stopped between the two) is read once.
/// </summary>
public sealed class AuditHistory(IAuditStore store, string? archiveDirectory)
{
    /// <summary>A page in id order, as <see cref="IAuditStore.ListAsync"/> gives of the live log alone.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken)
    {
        var live = await store.ListAsync(query, limit, cancellationToken);
        if (archiveDirectory is null)
        {
            return live;
        }
        // The archives are walked whole for each page; a page keeps only the lowest ids it has met.
        var page = new SortedList<long, AuditEntry>(limit + 1);
        await foreach (var entry in ArchivedAsync(query, cancellationToken))
        {
            if (page.Count < limit || entry.Id < page.Keys[^1])
            {
                page.TryAdd(entry.Id, entry);
                if (page.Count > limit)
                {
                    page.RemoveAt(page.Count - 1);
                }
            }
        }
        foreach (var entry in live)
        {
            page.TryAdd(entry.Id, entry);
        }
        return page.Values.Take(limit).ToArray();
    }

    /// <summary>Everything the query selects: the archived entries in their files' order, then the live ones not archived.</summary>
    public async IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var archivedThrough = long.MinValue;
        await foreach (var entry in ArchivedAsync(query with { Eid = null, Since = null, Entity = null, AfterId = null }, cancellationToken))
        {
            archivedThrough = Math.Max(archivedThrough, entry.Position ?? long.MinValue);
            if (Matches(query, entry))
            {
                yield return entry;
            }
        }
        while (true)
        {
            var page = await store.ListAsync(query, 10_000, cancellationToken);
            foreach (var entry in page.Where(e => e.Position is null || e.Position > archivedThrough))
            {
                yield return entry;
            }
            if (page.Count == 0)
            {
                yield break;
            }
            query = query with { AfterId = page[^1].Id };
        }
    }

    private async IAsyncEnumerable<AuditEntry> ArchivedAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (archiveDirectory is null)
        {
            yield break;
        }
        foreach (var path in AuditArchiveFile.In(archiveDirectory))
        {
            await using var reader = await AuditArchiveReader.OpenAsync(path, cancellationToken);
            await foreach (var entry in reader.EntriesAsync(cancellationToken))
            {
                if (Matches(query, entry))
                {
                    yield return entry;
                }
            }
        }
    }

    /// <summary>The live log's criteria (<see cref="AuditQuery"/>) applied to one entry.</summary>
    private static bool Matches(AuditQuery q, AuditEntry e) =>
        (q.Eid is null || q.Eid == e.Eid) && (q.Since is null || e.At >= q.Since) && (q.AfterId is null || e.Id > q.AfterId) && (q.Entity is null || q.Entity == e.Entity);
}
