namespace Provisioning.Core.Audit;

/// <summary>
/// The audit log. Entries are written with each change, in the same transaction, for the actor Core passes with it
/// (from the <see cref="Security.Caller"/>); nothing in the API changes or removes them. A sealer chains them
/// afterwards (<see cref="AuditChain"/>, docs/AUDIT.md); only <see cref="PruneAsync"/> removes any, a chain prefix
/// already archived, and records that it did.
/// </summary>
public interface IAuditStore
{
    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>How many entries the query selects (its order and paging are ignored).</summary>
    Task<long> CountAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Gives every entry that can be chained now a position and a hash, in chain order, one sealer at a time; an entry
    /// of a transaction that may still be followed by one committed earlier in the order waits. Returns how many.
    /// </summary>
    Task<int> SealAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The next entries of the chain after <paramref name="after"/> (from the start when null), in chain order, up to
    /// position <paramref name="through"/> when given. Entries not sealed yet come with no position and hash where the
    /// store orders them among the sealed ones.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> ReadChainAsync(AuditEntry? after, long? through, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Where the live chain starts (what its first entry follows: the last entry pruned, or <see cref="AuditChain.Genesis"/>)
    /// and the last entry the sealer chained (its record, which the verification compares the walk against).
    /// </summary>
    Task<(AuditAnchor Start, AuditAnchor Head)> EndsAsync(CancellationToken cancellationToken);

    /// <summary>The position of the last entry of the longest sealed chain prefix whose entries are all older than <paramref name="before"/>; null for none.</summary>
    Task<long?> PrefixBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the chain from after <paramref name="start"/> through <paramref name="through"/> (an archive holds them)
    /// and appends the entry <paramref name="record"/> for <paramref name="actor"/>, in one transaction. Nothing is
    /// removed, and false returned, when the chain no longer starts at <paramref name="start"/> or does not hold
    /// <paramref name="through"/> with its hash.
    /// </summary>
    Task<bool> PruneAsync(AuditAnchor start, AuditAnchor through, AuditPrune record, AuditActor actor, CancellationToken cancellationToken);
}
