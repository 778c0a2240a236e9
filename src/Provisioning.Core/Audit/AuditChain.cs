using System.Buffers;
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
        // One buffer (sized for the longest UTF-8 the texts can take, so each is encoded once) and one SHA-256 call: the
        // writer hashes every entry it writes (SQLite), so no allocation per field.
        var length = previous.Length + (3 * 8) + 1 + 8
            + Room(entry.Eid) + Room(entry.Login) + Room(entry.Operation) + Room(entry.Entity) + Room(entry.Key) + Room(entry.Before) + Room(entry.After);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffer = rented.AsSpan();
            previous.CopyTo(buffer);
            var at = previous.Length;
            at = Number(buffer, at, position);
            at = Number(buffer, at, entry.Id);
            at = Number(buffer, at, entry.At.UtcTicks);
            at = Text(buffer, at, entry.Eid);
            at = Text(buffer, at, entry.Login);
            buffer[at++] = entry.TokenId is null ? (byte)0 : (byte)1;
            at = Number(buffer, at, entry.TokenId ?? 0);
            at = Text(buffer, at, entry.Operation);
            at = Text(buffer, at, entry.Entity);
            at = Text(buffer, at, entry.Key);
            at = Text(buffer, at, entry.Before);
            at = Text(buffer, at, entry.After);
            return SHA256.HashData(buffer[..at]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether <paramref name="entry"/>'s stored hash is the one it has after <paramref name="previous"/>.</summary>
    public static bool Follows(ReadOnlySpan<byte> previous, AuditEntry entry) =>
        entry is { Hash: { } stored, Position: { } position } && CryptographicOperations.FixedTimeEquals(stored, Hash(previous, entry, position));

    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    private static int Room(string? text) => 4 + (text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length));

    private static int Number(Span<byte> buffer, int at, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer[at..], value);
        return at + 8;
    }

    /// <summary>Length first (−1 for none), then the UTF-8 bytes.</summary>
    private static int Text(Span<byte> buffer, int at, string? text)
    {
        var written = text is null ? 0 : Encoding.UTF8.GetBytes(text, buffer[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer[at..], text is null ? -1 : written);
        return at + 4 + written;
    }
}
