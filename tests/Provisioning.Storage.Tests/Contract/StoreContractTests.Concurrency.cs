using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Many writes at once: each is decided on its own, none is lost, and what was acknowledged survives a reopen.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ExtensionCreateAsync_TwoHundredConcurrentDistinct_AllSucceedAndSurviveAReopen()
    {
        var tenant = await CreateTenantAsync();
        var inputs = Enumerable.Range(0, 200).Select(_ => NewExtensionWrite(tenant)).ToArray();

        var writes = await Task.WhenAll(inputs.Select(e => Task.Run(() => Store.Extensions.CreateAsync(e, SystemActor, Ct))));

        Assert.All(writes, w => AssertOk(w));
        Assert.Equal(200, writes.Select(w => w.Value!.Id).Distinct().Count());
        await ReopenAsync();
        var stored = await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null), 1000, Ct);
        Assert.Equal(inputs.Select(e => e.Address).Order(), stored.Select(e => e.Address).Order());
    }

    [SkippableFact]
    public async Task ExtensionCreateAsync_SixtyFourConcurrentOfOneAddressInMixedCase_ExactlyOneSucceeds()
    {
        var tenant = await CreateTenantAsync();
        var address = Unique("Sip") + "@example.com";
        var spellings = Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? address : OtherCase(address)).ToArray();

        var writes = await Task.WhenAll(spellings.Select(a => Task.Run(() => Store.Extensions.CreateAsync(NewExtensionWrite(tenant, a), SystemActor, Ct))));

        Assert.Single(writes, w => w.IsOk);
        Assert.Equal(63, writes.Count(w => w.Status == WriteStatus.Duplicate));
        Assert.Single(await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null), 100, Ct));
    }

    [SkippableFact]
    public async Task ConcurrentWrites_DuplicatesAmongNewOnes_FailAloneAndEveryNewOneIsStored()
    {
        var tenant = await CreateTenantAsync();
        var taken = new List<Extension>();
        for (var i = 0; i < 20; i++)
        {
            taken.Add(await CreateExtensionAsync(tenant));
        }
        var takenUser = await CreateUserAsync(NewUser(tenant));
        var fresh = Enumerable.Range(0, 60).Select(_ => NewExtensionWrite(tenant)).ToArray();
        var freshUsers = Enumerable.Range(0, 20).Select(_ => NewUser(tenant)).ToArray();

        var duplicates = taken.Select(e => Task.Run(() => Store.Extensions.CreateAsync(NewExtensionWrite(tenant, OtherCase(e.Address!)), SystemActor, Ct)))
            .Concat(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Store.Extensions.CreateAsync(NewExtensionWrite(tenant, userId: -1), SystemActor, Ct))))
            .ToArray();
        var news = fresh.Select(e => Task.Run(() => Store.Extensions.CreateAsync(e, SystemActor, Ct))).ToArray();
        var users = freshUsers.Select(u => Task.Run(() => Store.Users.CreateAsync(WriteOf(u, null), SystemActor, Ct)))
            .Append(Task.Run(() => Store.Users.CreateAsync(WriteOf(NewUser(tenant, OtherCase(takenUser.LoginName!)), null), SystemActor, Ct)))
            .ToArray();
        await Task.WhenAll([.. duplicates, .. news, .. users]);

        Assert.All(await Task.WhenAll(news), w => AssertOk(w));
        var userWrites = await Task.WhenAll(users);
        Assert.All(userWrites[..^1], w => AssertOk(w));
        AssertStatus(WriteStatus.Duplicate, StoreKey.LoginName, userWrites[^1]);
        var failed = await Task.WhenAll(duplicates);
        Assert.Equal(20, failed.Count(w => w.Status == WriteStatus.Duplicate));
        Assert.Equal(10, failed.Count(w => w.Status == WriteStatus.MissingReference));
        var stored = await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null), 1000, Ct);
        Assert.Equal(taken.Select(e => e.Address).Concat(fresh.Select(e => e.Address)).Order(), stored.Select(e => e.Address).Order());
        Assert.Equal(21, await Store.Users.CountAsync(new UserQuery { TenantIds = [tenant.Id] }, Ct));
    }

    [SkippableFact]
    public async Task UserCreateAsync_ConcurrentUsersEmbeddingOneAddress_ExactlyOneStoresAnything()
    {
        var tenant = await CreateTenantAsync();
        var shared = NewExtension(tenant);
        var users = Enumerable.Range(0, 16)
            .Select(_ => NewUser(tenant) with { Extensions = [NewExtension(tenant), shared] })
            .ToArray();

        var writes = await Task.WhenAll(users.Select(u => Task.Run(() => Store.Users.CreateAsync(WriteOf(u, null), SystemActor, Ct))));

        var winner = Assert.Single(writes, w => w.IsOk).Value!;
        Assert.Equal(15, writes.Count(w => w.Status == WriteStatus.Duplicate));
        Assert.Equal([winner.Id!.Value], (await Store.Users.ListAsync(new UserQuery { TenantIds = [tenant.Id] }, UserParts.None, 100, Ct)).Select(u => u.Id!.Value));
        Assert.Equal(2, (await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, null), 100, Ct)).Count);
        Assert.Equal(winner.Id, (await FindExtensionAsync(tenant, shared.Address!))?.User?.Id);
    }
}
