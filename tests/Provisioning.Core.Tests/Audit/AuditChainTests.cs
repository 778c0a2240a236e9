using Provisioning.Core.Audit;

namespace Provisioning.Core.Tests.Audit;

/// <summary>The chain's hash is a stored format: databases and archive files written by earlier versions must keep verifying.</summary>
public sealed class AuditChainTests
{
    private static readonly AuditEntry Entry = new(
        41, new DateTimeOffset(2026, 12, 2, 17, 30, 15, 123, TimeSpan.Zero), "T001", "T001:admin", 7, "v3:updateExtension", "extension", "+4930 123",
        "{\"mode\":\"FULL\"}", "{\"mode\":\"ON_DEMAND\",\"name\":\"Zoë Ωmega\"}");

    [Fact]
    public void Hash_KnownEntry_IsTheHashEarlierVersionsStored()
    {
        var previous = Convert.FromHexString("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");

        Assert.Equal("d7e106c6cbaaea21f39fe0b28cda477b3571b4ccff01d41a5b9bfff29f13fa17", AuditChain.Hex(AuditChain.Hash(previous, Entry, 41)));
    }

    [Fact]
    public void Hash_NoTokenAndNoValues_DiffersFromEmptyValues()
    {
        var none = Entry with { TokenId = null, Before = null, After = null };
        var empty = Entry with { TokenId = 0, Before = string.Empty, After = string.Empty };

        Assert.NotEqual(AuditChain.Hex(AuditChain.Hash(AuditChain.Genesis.Hash, none, 1)), AuditChain.Hex(AuditChain.Hash(AuditChain.Genesis.Hash, empty, 1)));
        Assert.Equal("d491d3fbb116dd6c091c0ed85a04f3e9c038d7dfdb0cfbb342039ab2c0008483", AuditChain.Hex(AuditChain.Hash(AuditChain.Genesis.Hash, none, 1)));
    }
}
