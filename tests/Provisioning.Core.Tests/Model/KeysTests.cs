using Provisioning.Core.Model;

namespace Provisioning.Core.Tests.Model;

public sealed class KeysTests
{
    [Theory]
    [InlineData("VerbaTestUser@VerbaLabs.com", "verbatestuser@verbalabs.com")]
    [InlineData("REF.", "ref.")]
    [InlineData("already lower", "already lower")]
    [InlineData("", "")]
    public void Fold_Text_IsLowerCase(string value, string expected)
    {
        Assert.Equal(expected, Keys.Fold(value));
    }

    [Fact]
    public void Fold_NonAsciiLetters_AreLowerCasedToo()
    {
        Assert.Equal("müller", Keys.Fold("MÜLLER"));
    }

    [Fact]
    public void Fold_TwoSpellingsOfOneKey_AreEqual()
    {
        Assert.Equal(Keys.Fold("Admin"), Keys.Fold("aDMIN"));
    }
}
