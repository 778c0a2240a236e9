namespace Provisioning.Core.Audit;

/// <summary>A point of the chain: the position of an entry and its hash; what the next entry's hash follows. Equal by value, hash bytes included.</summary>
public sealed record AuditAnchor(long Position, byte[] Hash)
{
    public string HashHex => AuditChain.Hex(Hash);

    public bool Equals(AuditAnchor? other) => other is not null && Position == other.Position && Hash.AsSpan().SequenceEqual(other.Hash);

    public override int GetHashCode() => HashCode.Combine(Position, Hash.Length > 0 ? Hash[0] : 0);
}
