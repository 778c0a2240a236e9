using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class TokenCodecTests
{
    [Fact]
    public void NewToken_Always_IsThirtyTwoAsciiLettersOrDigits()
    {
        var token = TokenCodec.NewToken();

        Assert.Equal(32, token.Length);
        Assert.Matches("^[A-Za-z0-9]{32}$", token);
    }

    [Fact]
    public void NewToken_Twice_GivesDifferentTokens()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => TokenCodec.NewToken()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(100, tokens.Count);
    }

    [Fact]
    public void IsWellFormed_NewToken_IsTrue()
    {
        Assert.True(TokenCodec.IsWellFormed(TokenCodec.NewToken()));
    }

    [Theory]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6j")]
    [InlineData("00000000000000000000000000000000")]
    public void IsWellFormed_ThirtyTwoLettersOrDigits_IsTrue(string token)
    {
        Assert.True(TokenCodec.IsWellFormed(token));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6jX")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6-")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6 ")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6ä")]
    [InlineData("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6٣")]
    public void IsWellFormed_Otherwise_IsFalse(string? token)
    {
        Assert.False(TokenCodec.IsWellFormed(token));
    }

    [Fact]
    public void Hash_Token_IsItsSha256()
    {
        // SHA-256 of the ASCII bytes "abc" (FIPS 180-2 test vector).
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            Convert.ToHexStringLower(TokenCodec.Hash("abc")));
    }

    [Fact]
    public void Hash_SameToken_IsDeterministicAndThirtyTwoBytes()
    {
        var token = TokenCodec.NewToken();

        var first = TokenCodec.Hash(token);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, TokenCodec.Hash(token));
    }

    [Fact]
    public void Hash_DifferentTokens_Differ()
    {
        Assert.NotEqual(TokenCodec.Hash("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6j"), TokenCodec.Hash("tbESeqhBDsevSwi4HZdYAz8mKbBg8f6J"));
    }
}
