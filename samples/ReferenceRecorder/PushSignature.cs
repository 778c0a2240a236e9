using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ReferenceRecorder;

/// <summary>
/// The signature of a pushed configuration: "sha256=" and the lowercase hex of HMAC-SHA256 over the exact body bytes,
/// keyed with the SHA-256 of the recorder's secret (UTF-8). The server keeps only that hash, never the secret, so it
/// signs with the hash; the recorder derives the same key from the secret it was given.
/// </summary>
[SuppressMessage("Performance", "CA1515", Justification = "A recorder's own code copies or calls this; the tests call it")]
public static class PushSignature
{
    public const string Header = "X-Provisioning-Signature";
    private const string Prefix = "sha256=";

    /// <summary>The header value the server sends for <paramref name="body"/>.</summary>
    public static string Compute(string secret, ReadOnlySpan<byte> body) => Prefix + Convert.ToHexStringLower(Mac(secret, body));

    /// <summary>
    /// Whether <paramref name="header"/> signs <paramref name="body"/> with this secret. The MACs are compared in
    /// constant time, so how long a refusal takes tells a forger nothing about how much of a guess was right.
    /// </summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 2 * HMACSHA256.HashSizeInBytes)
        {
            return false;
        }
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), given, out _, out var written) != System.Buffers.OperationStatus.Done || written != given.Length)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Mac(secret, body), given);
    }

    private static byte[] Mac(string secret, ReadOnlySpan<byte> body) =>
        HMACSHA256.HashData(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), body);
}
