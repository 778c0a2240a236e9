using Provisioning.Core.Audit;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Users created many to a transaction: each answered as its own create would be, a refused one storing nothing.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserCreateAllAsync_RefusedBeforeAndAfterTheirRow_RolledBackAlone_OthersCreated()
    {
        var tenant = await CreateTenantAsync();
        var taken = await CreateUserAsync(NewUser(tenant));
        var existing = await CreateExtensionAsync(tenant);
        var first = NewUser(tenant) with { Extensions = [NewExtension(tenant)] };
        var loginTaken = NewUser(tenant, OtherCase(taken.LoginName!));
        var numberTaken = NewUser(tenant) with { Extensions = [NewExtension(tenant), NewExtension(tenant, existing.Address)] };
        var last = NewUser(tenant);

        var writes = await Store.Users.CreateAllAsync([WriteOf(first, null), WriteOf(loginTaken, null), WriteOf(numberTaken, null), WriteOf(last, "hash")], SystemActor, Ct);

        Assert.NotNull(writes);
        Assert.Equal(4, writes.Count);
        Assert.Equal(first.LoginName, AssertOk(writes[0]).LoginName);
        AssertStatus(WriteStatus.Duplicate, StoreKey.LoginName, writes[1]);
        AssertStatus(WriteStatus.Duplicate, StoreKey.Extension, writes[2], existing.Address);
        Assert.Equal(last.LoginName, AssertOk(writes[3]).LoginName);
        Assert.Equal(first.Extensions[0].Address, Assert.Single((await FindUserAsync(writes[0].Value!.Id!.Value))!.Extensions).Address);
        Assert.NotNull(await Store.Users.FindByLoginAsync(tenant.Id, last.LoginName!, UserParts.None, Ct));
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, numberTaken.LoginName!, UserParts.None, Ct));
        Assert.Null(await FindExtensionAsync(tenant, numberTaken.Extensions[0].Address!));
        var audited = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.User), 100, Ct);
        Assert.Equal([taken.LoginName, first.LoginName, last.LoginName], audited.Select(e => e.Key));
    }
}
