using System.Runtime.CompilerServices;

namespace Provisioning.Core.Audit;

/// <summary>The audit log's chain as one walk, and its verification: sealed first, so that the walk covers what was written.</summary>
public static class AuditLog
{
    private const int Page = 5_000;

    /// <summary>The live chain in order, from its start, up to position <paramref name="through"/> when given.</summary>
    public static async IAsyncEnumerable<AuditEntry> ChainAsync(IAuditStore store, long? through, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditEntry? after = null;
        while (true)
        {
            var page = await store.ReadChainAsync(after, through, Page, cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }
            if (page.Count < Page)
            {
                yield break;
            }
            after = page[^1];
        }
    }

    /// <summary>Seals what can be sealed, then walks the live chain from its start to the last sealed entry the store records.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, CancellationToken cancellationToken)
    {
        await store.SealAsync(cancellationToken);
        var (start, head) = await store.EndsAsync(cancellationToken);
        return await AuditVerifier.VerifyAsync(start, ChainAsync(store, null, cancellationToken), head, cancellationToken);
    }
}
