namespace Provisioning.Core.Audit;

/// <summary>A point of the chain: the position of an entry and its hash; what the next entry's hash follows.</summary>
public sealed record AuditAnchor(long Position, byte[] Hash)
{
    public string HashHex => AuditChain.Hex(Hash);
}
