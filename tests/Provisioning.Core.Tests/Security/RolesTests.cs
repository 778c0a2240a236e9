using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class RolesTests
{
    [Theory]
    [InlineData("System Administrator")]
    [InlineData("system administrator")]
    [InlineData("SYSTEM ADMINISTRATOR")]
    public void Holds_RoleInAnyCase_IsTrue(string held)
    {
        Assert.True(Roles.Holds(["user", held], Roles.SystemAdministrator));
    }

    [Theory]
    [InlineData("System  Administrator")]
    [InlineData("SystemAdministrator")]
    [InlineData("Administrator")]
    public void Holds_OtherSpelling_IsFalse(string held)
    {
        Assert.False(Roles.Holds([held], Roles.SystemAdministrator));
    }

    [Fact]
    public void Holds_NoRoles_IsFalse()
    {
        Assert.False(Roles.Holds([], Roles.Administrator));
    }
}
