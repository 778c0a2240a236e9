using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Core.Recorders;

/// <summary>
/// Recorder secrets: 32 random bytes, written as base64url (43 characters), stored as SHA-256. A slow hash would add
/// nothing: the secret has 256 bits of entropy, so no dictionary reaches it; it only has to stay out of the database.
/// </summary>
public static class RecorderSecrets
{
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>In constant time, so the time taken tells nothing about how much of a guess was right.</summary>
    public static bool Matches(string secret, byte[] hash) => CryptographicOperations.FixedTimeEquals(Hash(secret), hash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
