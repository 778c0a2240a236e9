using Provisioning.Core.Security;

namespace Provisioning.Core.Tests.Security;

public sealed class AccountStateTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("System Administrator")]
    [InlineData("Administrator")]
    [InlineData("system administrator")]
    [InlineData("ADMINISTRATOR")]
    public void MayUseApi_RoleWithRights_IsTrue(string role)
    {
        Assert.True(Account([role]).MayUseApi(Now));
    }

    [Theory]
    [InlineData("user")]
    [InlineData("supervisor")]
    [InlineData("Administrators")]
    [InlineData(" Administrator")]
    public void MayUseApi_OtherRole_IsFalse(string role)
    {
        Assert.False(Account([role]).MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_NoRoles_IsFalse()
    {
        Assert.False(Account([]).MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_AdministratorAmongOtherRoles_IsTrue()
    {
        Assert.True(Account(["user", "Administrator"]).MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_Locked_IsFalse()
    {
        Assert.False((Account([Roles.SystemAdministrator]) with { Locked = true }).MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_BeforeValidFrom_IsFalse()
    {
        var account = Account([Roles.Administrator]) with { ValidFrom = Now + TimeSpan.FromTicks(1) };

        Assert.False(account.MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_AtValidFrom_IsTrue()
    {
        var account = Account([Roles.Administrator]) with { ValidFrom = Now };

        Assert.True(account.MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_AtValidTo_IsFalse()
    {
        var account = Account([Roles.Administrator]) with { ValidTo = Now };

        Assert.False(account.MayUseApi(Now));
    }

    [Fact]
    public void MayUseApi_JustBeforeValidTo_IsTrue()
    {
        var account = Account([Roles.Administrator]) with { ValidFrom = Now.AddDays(-1), ValidTo = Now + TimeSpan.FromTicks(1) };

        Assert.True(account.MayUseApi(Now));
    }

    [Fact]
    public void IsSystemAdministrator_RoleInOtherCase_IsTrue()
    {
        Assert.True(Account(["SYSTEM ADMINISTRATOR"]).IsSystemAdministrator);
    }

    [Fact]
    public void IsSystemAdministrator_Administrator_IsFalse()
    {
        Assert.False(Account([Roles.Administrator]).IsSystemAdministrator);
    }

    private static AccountState Account(IReadOnlyList<string> roles) =>
        new(UserId: 7, TenantId: 1, Eid: "0000", LoginName: "api", Locked: false, ValidFrom: null, ValidTo: null, Roles: roles);
}
