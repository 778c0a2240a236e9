using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Provisioning.Core.Security;

/// <summary>
/// Keeps passwords only as a slow salted hash: PBKDF2-HMAC-SHA256 over the MD5 hex digest that the wire carries
/// (the User type's passwordHash is that digest). Stored as <c>pbkdf2-sha256$iterations$salt$hash</c>, so the
/// iteration count can be raised later without invalidating stored hashes.
/// </summary>
public sealed class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private readonly int _iterations;
    private readonly string _decoy;

    public PasswordHasher(int iterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        _iterations = iterations;
        // A login that does not exist is verified against this, so it costs as much as one that does.
        _decoy = Hash(Md5Hex(Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));
    }

    public int Iterations => _iterations;

    /// <summary>The MD5 hex digest (lower case) of a password, as clients send it in passwordHash.</summary>
    public static string Md5Hex(string password)
    {
#pragma warning disable CA5351 // The protocol defines the MD5 digest as the password's wire form; it is never stored.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5351
    }

    /// <summary>True when <paramref name="value"/> looks like an MD5 hex digest: 32 hexadecimal characters.</summary>
    public static bool IsMd5Hex(string value) => value.Length == 32 && value.All(char.IsAsciiHexDigit);

    public string Hash(string md5Hex)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(md5Hex, salt, _iterations);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${_iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Checks a digest against a stored hash in constant time; a null or malformed hash never matches.</summary>
    public bool Verify(string md5Hex, string? stored)
    {
        if (stored is null || !TryParse(stored, out var iterations, out var salt, out var expected))
        {
            _ = TryParse(_decoy, out iterations, out salt, out expected);
            _ = CryptographicOperations.FixedTimeEquals(Derive(md5Hex, salt, iterations), expected);
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Derive(md5Hex, salt, iterations), expected);
    }

    private static byte[] Derive(string md5Hex, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.ASCII.GetBytes(md5Hex.ToLowerInvariant()), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
            return hash.Length == HashBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
