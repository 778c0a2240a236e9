using System.Security.Cryptography;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>A write is acknowledged only once durable: everything acknowledged is there after closing and reopening.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ReopenAsync_AfterWritesOfEveryKind_FindsThemAll()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(FullUser(tenant) with { Roles = [Roles.SystemAdministrator] }, "durable-hash");
        var loose = await CreateExtensionAsync(tenant);
        var hash = RandomNumberGenerator.GetBytes(32);
        var token = await Store.Tokens.CreateTokenAsync(hash, user.Id!.Value, T0, T0.AddHours(1), Ct);
        await Store.Tokens.TouchTokenAsync(token, T0.AddMinutes(7), Ct);
        var attempts = new LoginAttemptKey(tenant.Eid!, user.LoginName!, "203.0.113.5");
        var throttle = await Store.Tokens.ReserveLoginAttemptAsync(attempts, T0, Policy, Ct);

        await ReopenAsync();

        AssertSameTenant(tenant, await Store.Tenants.FindByIdAsync(tenant.Id, Ct));
        AssertSameUser(user, await FindUserAsync(user.Id.Value));
        Assert.Equal("durable-hash", (await Store.Tokens.FindCredentialsAsync(tenant.Eid!, user.LoginName!, Ct))?.PasswordHash);
        Assert.Equal(loose.Id, (await FindExtensionAsync(tenant, loose.Address!))?.Id);
        Assert.Equal(T0.AddMinutes(7), (await Store.Tokens.FindTokenAsync(hash, Ct))?.LastUsedAt);
        Assert.Equal(throttle, await Store.Tokens.GetLoginAttemptsAsync(attempts, Ct));
    }

    [SkippableFact]
    public async Task ReopenAsync_AfterUpdatesAndDeletes_FindsTheLatestState()
    {
        var tenant = await CreateTenantAsync();
        var renamed = AssertOk(await Store.Tenants.UpdateAsync(tenant with { ShortName = Unique("Renamed"), Partitions = [2, 1] }, SystemActor, Ct));
        var user = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant)] });
        var deleted = await CreateExtensionAsync(tenant);
        var hash = RandomNumberGenerator.GetBytes(32);
        var token = await Store.Tokens.CreateTokenAsync(hash, user.Id!.Value, T0, T0.AddHours(1), Ct);
        AssertOk(await Store.Users.UpdateAsync(WriteOf(user with { Roles = ["Agent"], Extensions = [] }, null), SystemActor, Ct));
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, deleted.Id, null), SystemActor, Ct));
        Assert.True(await Store.Tokens.ReleaseTokenAsync(token, T0.AddMinutes(1), Ct));

        await ReopenAsync();

        AssertSameTenant(renamed, await Store.Tenants.FindByIdAsync(tenant.Id, Ct));
        var stored = await FindUserAsync(user.Id.Value);
        Assert.Equal(["Agent"], stored?.Roles);
        Assert.Empty(stored!.Extensions);
        Assert.Null((await FindExtensionAsync(tenant, user.Extensions[0].Address!))?.User);
        Assert.Null(await FindExtensionAsync(tenant, deleted.Address!));
        Assert.Equal(T0.AddMinutes(1), (await Store.Tokens.FindTokenAsync(hash, Ct))?.ReleasedAt);
    }
}
