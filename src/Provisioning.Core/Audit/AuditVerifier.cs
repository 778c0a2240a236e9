using System.Globalization;

namespace Provisioning.Core.Audit;

/// <summary>
/// Walks entries in chain order from an anchor and names the first that does not fit: a gap in the positions (entries
/// removed), a position met twice or an unsealed entry before sealed ones (an entry put in), a hash that does not follow
/// (the entry changed; or put in, when the entry after it follows the one before it). The same walk checks the live
/// table and an archive file.
/// </summary>
public static class AuditVerifier
{
    /// <param name="start">What the first entry follows.</param>
    /// <param name="entries">The entries in chain order; unsealed ones (no hash) only at the end.</param>
    /// <param name="end">Where the chain is known to reach, if known: ending before it means entries at the end were removed.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static async Task<AuditVerification> VerifyAsync(AuditAnchor start, IAsyncEnumerable<AuditEntry> entries, AuditAnchor? end, CancellationToken cancellationToken)
    {
        var (previous, verified, unsealed) = (start, 0L, 0L);
        AuditEntry? firstUnsealed = null;
        await using var walk = entries.GetAsyncEnumerator(cancellationToken);
        var next = await walk.MoveNextAsync() ? walk.Current : null;
        while (next is { } entry)
        {
            next = await walk.MoveNextAsync() ? walk.Current : null;
            if (entry.Hash is null || entry.Position is null)
            {
                firstUnsealed ??= entry;
                unsealed++;
                continue;
            }
            if (Check(previous, entry, next, firstUnsealed) is { } broken)
            {
                return new(verified, unsealed, start, previous, broken);
            }
            previous = new AuditAnchor(entry.Position.Value, entry.Hash);
            verified++;
        }
        var missing = end is not null && end.Position > previous.Position
            ? new AuditBreak(null, previous.Position + 1, AuditBreakKind.Removed, Text(
                $"the chain ends at position {previous.Position}, but reached {end.Position}: the entries after it were removed"))
            : null;
        return new(verified, unsealed, start, previous, missing);
    }

    private static AuditBreak? Check(AuditAnchor previous, AuditEntry entry, AuditEntry? next, AuditEntry? firstUnsealed)
    {
        var position = entry.Position!.Value;
        var expected = previous.Position + 1;
        if (firstUnsealed is not null)
        {
            return new(firstUnsealed.Id, expected, AuditBreakKind.Inserted, Text(
                $"entry {firstUnsealed.Id} is not sealed but lies before sealed entry {entry.Id}: it was inserted"));
        }
        if (position > expected)
        {
            return new(entry.Id, position, AuditBreakKind.Removed, Text(
                $"entry {entry.Id} is at position {position}, after position {previous.Position}: {position - expected} entries before it were removed"));
        }
        if (position < expected)
        {
            return new(entry.Id, position, AuditBreakKind.Inserted, Text(
                $"entry {entry.Id} claims position {position}, which entry {(position == previous.Position ? "before it" : "another")} holds: it was inserted"));
        }
        if (AuditChain.Follows(previous.Hash, entry))
        {
            return null;
        }
        // The chain going on after this entry as if it were not there tells a foreign entry from a changed one.
        var skipped = next is { Hash: not null, Position: { } after } && (after == position || after == position + 1) && AuditChain.Follows(previous.Hash, next);
        return skipped
            ? new(entry.Id, position, AuditBreakKind.Inserted, Text($"entry {entry.Id} does not belong to the chain, which goes on after it as if it were not there: it was inserted"))
            : new(entry.Id, position, AuditBreakKind.Changed, Text($"entry {entry.Id} (position {position}) does not hash to its stored hash: it was changed"));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
