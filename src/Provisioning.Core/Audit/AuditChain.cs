using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Core.Audit;

/// <summary>
/// The hash chain over the audit log (docs/AUDIT.md): entry n's hash is SHA-256 of entry n−1's hash followed by entry
/// n's canonical content; the first entry ever follows <see cref="Genesis"/>. The content is every field in a fixed
/// order, each length-prefixed, so no two different entries have the same bytes: position, id, time (UTC ticks as
/// the store keeps them), eid, login, token id, operation, entity, key, before, after.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    /// <summary>What the first entry of a chain follows: 32 zero bytes.</summary>
    public static AuditAnchor Genesis { get; } = new(0, new byte[HashLength]);

    public static byte[] Hash(ReadOnlySpan<byte> previous, AuditEntry entry, long position)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        Span<byte> number = stackalloc byte[8];
        AppendNumber(hash, number, position);
        AppendNumber(hash, number, entry.Id);
        AppendNumber(hash, number, entry.At.UtcTicks);
        AppendText(hash, number, entry.Eid);
        AppendText(hash, number, entry.Login);
        number[0] = entry.TokenId is null ? (byte)0 : (byte)1;
        hash.AppendData(number[..1]);
        AppendNumber(hash, number, entry.TokenId ?? 0);
        AppendText(hash, number, entry.Operation);
        AppendText(hash, number, entry.Entity);
        AppendText(hash, number, entry.Key);
        AppendText(hash, number, entry.Before);
        AppendText(hash, number, entry.After);
        return hash.GetHashAndReset();
    }

    /// <summary>Whether <paramref name="entry"/>'s stored hash is the one it has after <paramref name="previous"/>.</summary>
    public static bool Follows(ReadOnlySpan<byte> previous, AuditEntry entry) =>
        entry is { Hash: { } stored, Position: { } position } && CryptographicOperations.FixedTimeEquals(stored, Hash(previous, entry, position));

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    private static void AppendNumber(IncrementalHash hash, Span<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer, value);
        hash.AppendData(buffer[..8]);
    }

    /// <summary>Length first (−1 for none), then the UTF-8 bytes.</summary>
    private static void AppendText(IncrementalHash hash, Span<byte> buffer, string? text)
    {
        BinaryPrimitives.WriteInt32BigEndian(buffer, text is null ? -1 : Encoding.UTF8.GetByteCount(text));
        hash.AppendData(buffer[..4]);
        if (text is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
    }
}
