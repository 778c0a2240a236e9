using Provisioning.Soap.Wire;

namespace Provisioning.Soap.Tests.Wire;

public sealed class JaxbOrderTests
{
    [Theory]
    [InlineData("message", "statusCode")]
    [InlineData("userCount", "users")]
    [InlineData("extensions", "externalId")]
    [InlineData("group", "status")]
    [InlineData("environment", "status")]
    [InlineData("status", "token")]
    [InlineData("helpdeskURL", "inactive")]
    public void Compare_PropertyOrder_PutsFirstBeforeSecond(string first, string second)
    {
        Assert.True(JaxbOrder.Instance.Compare(first, second) < 0);
        Assert.True(JaxbOrder.Instance.Compare(second, first) > 0);
    }

    [Fact]
    public void Compare_SameName_IsZero()
    {
        Assert.Equal(0, JaxbOrder.Instance.Compare("partitions", "partitions"));
    }

    [Fact]
    public void Compare_FirstLetterCaseOnly_IsZero()
    {
        Assert.Equal(0, JaxbOrder.Instance.Compare("status", "Status"));
    }

    [Fact]
    public void Compare_UpperCaseLaterInTheName_IsOrdinal()
    {
        // Only the first letter is upper-cased: "URL" stays upper case and sorts before lower-case letters.
        Assert.True(JaxbOrder.Instance.Compare("helpdeskURL", "helpdeskUrl") < 0);
    }

    [Fact]
    public void Sort_StatusAndPayload_FollowsPropertyOrder()
    {
        string[] names = ["users", "status", "userCount"];

        Array.Sort(names, JaxbOrder.Instance);

        Assert.Equal(["status", "userCount", "users"], names);
    }
}
