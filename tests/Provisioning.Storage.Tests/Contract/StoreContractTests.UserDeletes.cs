using System.Security.Cryptography;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>User deletes, and the rule that keeps one unlocked System Administrator.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserDeleteAsync_User_IsGoneWithItsTokensWhileItsExtensionsStayUnlinked()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant)] });
        var hash = RandomNumberGenerator.GetBytes(32);
        await Store.Tokens.CreateTokenAsync(hash, user.Id!.Value, T0, T0.AddHours(1), Ct);

        Assert.Equal(user.Id, AssertOk(await Store.Users.DeleteAsync(user.Id.Value, SystemActor, Ct)));

        Assert.Null(await FindUserAsync(user.Id.Value));
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, user.LoginName!, UserParts.None, Ct));
        Assert.Null(await Store.Tokens.FindTokenAsync(hash, Ct));
        var extension = await FindExtensionAsync(tenant, user.Extensions[0].Address!);
        Assert.NotNull(extension);
        Assert.Null(extension.User);
    }

    [SkippableFact]
    public async Task UserDeleteAsync_Twice_IsNotFoundTheSecondTime()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));

        AssertOk(await Store.Users.DeleteAsync(user.Id!.Value, SystemActor, Ct));

        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Users.DeleteAsync(user.Id.Value, SystemActor, Ct));
    }

    [SkippableFact]
    public async Task UserDeleteAsync_LastSystemAdministrator_IsRefusedAndKeepsTheUser()
    {
        var tenant = await CreateTenantAsync();
        var admin = await CreateUserAsync(tenant, Roles.SystemAdministrator);

        AssertRefused(await Store.Users.DeleteAsync(admin.Id!.Value, SystemActor, Ct));

        Assert.NotNull(await FindUserAsync(admin.Id.Value));
    }

    [SkippableFact]
    public async Task UserUpdateAsync_LockingLastSystemAdministrator_IsRefused()
    {
        var tenant = await CreateTenantAsync();
        var admin = await CreateUserAsync(tenant, Roles.SystemAdministrator);

        AssertRefused(await Store.Users.UpdateAsync(WriteOf(admin with { Locked = true }, null), SystemActor, Ct));

        Assert.NotEqual(true, (await FindUserAsync(admin.Id!.Value))?.Locked);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_DroppingTheRoleOfLastSystemAdministrator_IsRefused()
    {
        var tenant = await CreateTenantAsync();
        var admin = await CreateUserAsync(tenant, Roles.SystemAdministrator, "Agent");

        AssertRefused(await Store.Users.UpdateAsync(WriteOf(admin with { Roles = ["Agent"] }, null), SystemActor, Ct));

        Assert.Equal([Roles.SystemAdministrator, "Agent"], (await FindUserAsync(admin.Id!.Value))?.Roles);
    }

    [SkippableFact]
    public async Task UserDeleteAsync_LastSystemAdministratorWithRoleInOtherCase_IsRefused()
    {
        var tenant = await CreateTenantAsync();
        var admin = await CreateUserAsync(tenant, Roles.SystemAdministrator.ToUpperInvariant());

        AssertRefused(await Store.Users.DeleteAsync(admin.Id!.Value, SystemActor, Ct));
    }

    [SkippableFact]
    public async Task UserDeleteAsync_LastUnlockedSystemAdministratorBesideALockedOne_IsRefused()
    {
        var tenant = await CreateTenantAsync();
        var admin = await CreateUserAsync(tenant, Roles.SystemAdministrator);
        await CreateUserAsync(NewUser(tenant) with { Roles = [Roles.SystemAdministrator], Locked = true });

        AssertRefused(await Store.Users.DeleteAsync(admin.Id!.Value, SystemActor, Ct));
    }

    [SkippableFact]
    public async Task UserDeleteAsync_OneOfTwoSystemAdministrators_IsOkAndTheOtherBecomesTheLast()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateUserAsync(tenant, Roles.SystemAdministrator);
        var second = await CreateUserAsync(NewUser(await CreateTenantAsync()) with { Roles = [Roles.SystemAdministrator] });

        AssertOk(await Store.Users.DeleteAsync(first.Id!.Value, SystemActor, Ct));

        AssertRefused(await Store.Users.DeleteAsync(second.Id!.Value, SystemActor, Ct));
    }

    [SkippableFact]
    public async Task UserUpdateAsync_LockingOrDemotingOneOfTwoSystemAdministrators_IsOk()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateUserAsync(tenant, Roles.SystemAdministrator);
        var second = await CreateUserAsync(tenant, Roles.SystemAdministrator);

        Assert.True(AssertOk(await Store.Users.UpdateAsync(WriteOf(first with { Locked = true }, null), SystemActor, Ct)).Locked);

        AssertRefused(await Store.Users.UpdateAsync(WriteOf(second with { Roles = [] }, null), SystemActor, Ct));
        AssertOk(await Store.Users.UpdateAsync(WriteOf(first with { Locked = false }, null), SystemActor, Ct));
        Assert.Empty(AssertOk(await Store.Users.UpdateAsync(WriteOf(second with { Roles = [] }, null), SystemActor, Ct)).Roles);
    }

    private static void AssertRefused<T>(StoreWrite<T> write)
    {
        Assert.Equal(WriteStatus.Refused, write.Status);
        Assert.NotNull(write.Refusal);
    }
}
