using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class PasswordHasherTests
{
    // Few iterations keep the suite fast; the format and the checks do not depend on the count.
    private const int Iterations = 1_000;
    private const string PasswordDigest = "5f4dcc3b5aa765d61d8327deb882cf99";
    private static readonly string Salt = Convert.ToBase64String(new byte[16]);
    private static readonly string Derived = Convert.ToBase64String(new byte[32]);

    private readonly PasswordHasher _hasher = new(Iterations);

    [Theory]
    [InlineData("password", "5f4dcc3b5aa765d61d8327deb882cf99")]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("pässword", "8e1843033a0f6ee52e2f618aa8ebbef4")]
    public void Md5Hex_KnownString_IsItsLowerCaseDigestOfUtf8(string password, string expected)
    {
        Assert.Equal(expected, PasswordHasher.Md5Hex(password));
    }

    [Theory]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf99")]
    [InlineData("5F4DCC3B5AA765D61D8327DEB882CF99")]
    public void IsMd5Hex_ThirtyTwoHexDigits_IsTrue(string value)
    {
        Assert.True(PasswordHasher.IsMd5Hex(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf9")]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf990")]
    [InlineData("5f4dcc3b5aa765d61d8327deb882cf9g")]
    [InlineData("password")]
    public void IsMd5Hex_NotThirtyTwoHexDigits_IsFalse(string value)
    {
        Assert.False(PasswordHasher.IsMd5Hex(value));
    }

    [Fact]
    public void Verify_HashOfTheSameDigest_IsTrue()
    {
        var stored = _hasher.Hash(PasswordDigest);

        Assert.True(_hasher.Verify(PasswordDigest, stored));
    }

    [Fact]
    public void Verify_DigestInUpperCase_IsTrue()
    {
        var stored = _hasher.Hash(PasswordDigest);

        Assert.True(_hasher.Verify(PasswordDigest.ToUpperInvariant(), stored));
    }

    [Fact]
    public void Verify_WrongDigest_IsFalse()
    {
        var stored = _hasher.Hash(PasswordDigest);

        Assert.False(_hasher.Verify(PasswordHasher.Md5Hex("Password"), stored));
    }

    [Fact]
    public void Verify_NullStoredHash_IsFalse()
    {
        Assert.False(_hasher.Verify(PasswordDigest, null));
    }

    public static TheoryData<string> MalformedHashes { get; } = new()
    {
        string.Empty,
        PasswordDigest,
        $"pbkdf2-sha256$1000${Salt}",
        $"pbkdf2-sha1$1000${Salt}${Derived}",
        $"pbkdf2-sha256$0${Salt}${Derived}",
        $"pbkdf2-sha256$-5${Salt}${Derived}",
        $"pbkdf2-sha256$ 1000${Salt}${Derived}",
        $"pbkdf2-sha256$many${Salt}${Derived}",
        $"pbkdf2-sha256$1000$not base64!${Derived}",
        $"pbkdf2-sha256$1000${Salt}$AAAA",
        $"pbkdf2-sha256$1000${Salt}${Derived}$extra",
    };

    [Theory]
    [MemberData(nameof(MalformedHashes))]
    public void Verify_MalformedStoredHash_IsFalse(string stored)
    {
        Assert.False(_hasher.Verify(PasswordDigest, stored));
    }

    [Fact]
    public void Hash_Always_IsSchemeIterationsSaltAndHash()
    {
        var parts = _hasher.Hash(PasswordDigest).Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Hash_Always_NeverContainsTheDigest()
    {
        Assert.DoesNotContain(PasswordDigest, _hasher.Hash(PasswordDigest), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hash_SameDigestTwice_DiffersBySalt()
    {
        var first = _hasher.Hash(PasswordDigest);
        var second = _hasher.Hash(PasswordDigest);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.Split('$')[2], second.Split('$')[2]);
    }

    [Fact]
    public void Verify_HashMadeWithOtherIterations_IsTrue()
    {
        var stored = new PasswordHasher(Iterations * 2).Hash(PasswordDigest);

        Assert.True(_hasher.Verify(PasswordDigest, stored));
    }

    [Fact]
    public void Constructor_ZeroIterations_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(0));
    }
}
