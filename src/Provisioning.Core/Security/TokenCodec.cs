using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Core.Security;

/// <summary>
/// Tokens are 32 characters [A-Za-z0-9] from a cryptographic source (about 190 bits). They are stored only as their
/// SHA-256: a fast hash is enough for a secret of that entropy, and lets every request find its token by index.
/// </summary>
public static class TokenCodec
{
    public const int Length = 32;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewToken() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsWellFormed(string? token) => token is { Length: Length } && token.All(char.IsAsciiLetterOrDigit);

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));
}
