using Provisioning.Core.Storage;

namespace Provisioning.Core.Tests.Storage;

public sealed class TextMatchTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void From_NoValue_IsNoCriterion(string? value)
    {
        Assert.Null(TextMatch.From(value, exact: true));
    }

    [Fact]
    public void From_ExactOmitted_IsASubstringMatch()
    {
        Assert.Equal(new TextMatch("Ref", Exact: false), TextMatch.From("Ref", exact: null));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_ExactGiven_KeepsIt(bool exact)
    {
        Assert.Equal(exact, TextMatch.From("Ref", exact)?.Exact);
    }

    [Fact]
    public void Key_MixedCase_IsFolded()
    {
        Assert.Equal("verbatestuser", new TextMatch("VerbaTestUser", Exact: true).Key);
    }

    [Fact]
    public void From_Value_KeepsItAsGiven()
    {
        Assert.Equal("VerbaTestUser", TextMatch.From("VerbaTestUser", exact: true)?.Value);
    }
}
