using Provisioning.Core.Import;

namespace Provisioning.Core.Tests.Import;

/// <summary>The import's record of keys seen: a key named twice is found with its first line, whatever the table's growth.</summary>
public sealed class KeyFingerprintsTests
{
    [Fact]
    public void Add_ManyKeysThenEachAgain_NamesTheFirstLineOfEach()
    {
        var seen = new KeyFingerprints();
        const int Keys = 200_000;

        for (var i = 0; i < Keys; i++)
        {
            Assert.Null(seen.Add(7, $"+49301{i:D7}", i + 2));
        }
        for (var i = 0; i < Keys; i++)
        {
            Assert.Equal(i + 2, seen.Add(7, $"+49301{i:D7}", Keys + i + 2));
        }
        Assert.Equal(Keys, seen.Count);
    }

    [Fact]
    public void Add_SameKeyInAnotherScope_IsNotADuplicate()
    {
        var seen = new KeyFingerprints();

        Assert.Null(seen.Add(1, "agent", 2));
        Assert.Null(seen.Add(2, "agent", 3));
        Assert.Equal(2, seen.Add(1, "agent", 4));
        Assert.Equal(3, seen.Add(2, "agent", 5));
    }

    [Fact]
    public void Add_LineZero_IsKeptAsZero()
    {
        var seen = new KeyFingerprints();

        Assert.Null(seen.Add(1, "first", 0));
        Assert.Equal(0, seen.Add(1, "first", 9));
    }
}
