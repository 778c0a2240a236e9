using System.Security.Cryptography;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>What the operator's tool reads and does: counts, schema version, token listing, environment delete, user paging.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [Fact]
    public async Task GetSchemaVersionAsync_AfterMigrate_IsTheLatest()
    {
        Assert.Equal(Store.LatestSchemaVersion, await Store.GetSchemaVersionAsync(Ct));
        Assert.Equal(Store.LatestSchemaVersion, await Store.MigrateAsync(Ct));
    }

    [Fact]
    public async Task TenantCountContentsAsync_CountsUsersGroupsExtensionsAndStoragePerEnvironment()
    {
        var tenant = await CreateTenantAsync();
        await CreateUserAsync(NewUser(tenant));
        await CreateExtensionAsync(tenant);
        await CreateExtensionAsync(tenant);
        await CreateFolderAsync(tenant);

        var counts = await Store.Tenants.CountContentsAsync(Ct);

        Assert.Equal(new TenantCounts(tenant.Id, tenant.Eid!, tenant.ShortName!, 1, 1, 2, 1, 0), Assert.Single(counts, c => c.TenantId == tenant.Id));
    }

    [Fact]
    public async Task TenantDeleteAsync_Empty_DeletesItWithItsGroupsAndAuditsIt()
    {
        var tenant = await CreateTenantAsync();

        var deleted = AssertOk(await Store.Tenants.DeleteAsync(tenant.Id, Actor, Ct));

        Assert.Equal(tenant.Eid, deleted.Eid);
        Assert.Null(await Store.Tenants.FindByIdAsync(tenant.Id, Ct));
        var last = (await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 100, Ct))[^1];
        Assert.Equal((AuditChange.Environment, (string?)null), (last.Entity, last.After));
        await CreateTenantAsync(NewTenant() with { Eid = tenant.Eid, ShortName = tenant.ShortName }, Actor);
    }

    [Fact]
    public async Task TenantDeleteAsync_NamedByRecorders_TheyStopNamingIt_AndDoNotRecordItsSuccessor()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var both = AssertOk(await Store.Recorders.AddAsync(new Core.Recorders.Recorder { Name = Unique("rec"), Environments = [tenant.Eid!, other.Eid!], CreatedAt = T0 }, [1], SystemActor, Ct));
        var only = AssertOk(await Store.Recorders.AddAsync(new Core.Recorders.Recorder { Name = Unique("rec"), Environments = [tenant.Eid!], CreatedAt = T0 }, [1], SystemActor, Ct));

        AssertOk(await Store.Tenants.DeleteAsync(tenant.Id, Actor, Ct));
        await CreateTenantAsync(NewTenant() with { Eid = tenant.Eid });

        Assert.Equal([other.Eid!], (await Store.Recorders.Reads.FindAsync(both.Name, Ct))!.Environments);
        Assert.Empty((await Store.Recorders.Reads.FindAsync(only.Name, Ct))!.Environments);
    }

    [Fact]
    public async Task TenantDeleteAsync_WithUsersOrExtensions_IsRefusedAndKeepsIt()
    {
        var withUser = await CreateTenantAsync();
        await CreateUserAsync(NewUser(withUser));
        var withExtension = await CreateTenantAsync();
        await CreateExtensionAsync(withExtension);

        Assert.Equal(WriteStatus.Refused, (await Store.Tenants.DeleteAsync(withUser.Id, SystemActor, Ct)).Status);
        Assert.Equal(WriteStatus.Refused, (await Store.Tenants.DeleteAsync(withExtension.Id, SystemActor, Ct)).Status);
        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Tenants.DeleteAsync(withUser.Id + 100_000, SystemActor, Ct));
        Assert.NotNull(await Store.Tenants.FindByIdAsync(withUser.Id, Ct));
    }

    [Fact]
    public async Task TokenListTokensAsync_OfOneUser_ListsItsTokensInIdOrderWithTheirState()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var other = await CreateUserAsync(NewUser(tenant));
        var first = await Store.Tokens.CreateTokenAsync(RandomNumberGenerator.GetBytes(32), user.Id!.Value, T0, T0.AddHours(1), Ct);
        var second = await Store.Tokens.CreateTokenAsync(RandomNumberGenerator.GetBytes(32), user.Id.Value, T0, T0.AddHours(2), Ct);
        await Store.Tokens.CreateTokenAsync(RandomNumberGenerator.GetBytes(32), other.Id!.Value, T0, T0.AddHours(1), Ct);
        await Store.Tokens.ReleaseTokenAsync(first, T0.AddMinutes(1), Ct);

        var listed = await Store.Tokens.ListTokensAsync(user.Id, 10, Ct);

        Assert.Equal([first, second], listed.Select(t => t.TokenId));
        Assert.Equal([T0.AddMinutes(1), (DateTimeOffset?)null], listed.Select(t => t.ReleasedAt));
        Assert.All(listed, t => Assert.Equal((user.Id.Value, user.LoginName), (t.Account.UserId, t.Account.LoginName)));
    }

    [Fact]
    public async Task UserListAsync_AfterId_PagesInIdOrder()
    {
        var tenant = await CreateTenantAsync();
        var users = new List<User>();
        for (var i = 0; i < 4; i++)
        {
            users.Add(await CreateUserAsync(NewUser(tenant)));
        }

        var page = await Store.Users.ListAsync(new UserQuery { TenantIds = [tenant.Id], AfterId = users[0].Id, Now = T0 }, UserParts.None, 2, Ct);

        Assert.Equal([users[1].Id, users[2].Id], page.Select(u => u.Id));
    }
}
