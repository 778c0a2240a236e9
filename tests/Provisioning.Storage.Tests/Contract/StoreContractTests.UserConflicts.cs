using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>User creates that must store nothing: taken login, taken embedded extension, missing references.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserCreateAsync_LoginTakenInOtherCase_IsDuplicateLoginName()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateUserAsync(NewUser(tenant));
        var second = NewUser(tenant, OtherCase(first.LoginName!)) with { ExternalId = Unique("Ext") };

        AssertStatus(WriteStatus.Duplicate, StoreKey.LoginName, await Store.Users.CreateAsync(WriteOf(second, null), SystemActor, Ct));
        Assert.Equal(first.Id, (await Store.Users.FindByLoginAsync(tenant.Id, second.LoginName!, UserParts.None, Ct))?.Id);
    }

    [SkippableFact]
    public async Task UserCreateAsync_SameLoginInAnotherTenant_IsOk()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var first = await CreateUserAsync(NewUser(tenant));

        var second = await CreateUserAsync(NewUser(other, first.LoginName));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(other.Id, (await FindUserAsync(second.Id!.Value))?.TenantId);
    }

    [SkippableFact]
    public async Task UserCreateAsync_ThirdEmbeddedExtensionExists_IsDuplicateAndStoresNothingOfTheUser()
    {
        var tenant = await CreateTenantAsync();
        var existing = await CreateExtensionAsync(tenant);
        var user = NewUser(tenant) with { Roles = ["Agent"], Extensions = [NewExtension(tenant), NewExtension(tenant), NewExtension(tenant, existing.Address)] };

        var write = await Store.Users.CreateAsync(WriteOf(user, "hash"), SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.Extension, write, existing.Address);
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, user.LoginName!, UserParts.None, Ct));
        Assert.Null(await Store.Tokens.FindCredentialsAsync(tenant.Eid!, user.LoginName!, Ct));
        Assert.Null(await FindExtensionAsync(tenant, user.Extensions[0].Address!));
        Assert.Null(await FindExtensionAsync(tenant, user.Extensions[1].Address!));
        Assert.Null((await FindExtensionAsync(tenant, existing.Address!))?.User);
    }

    [SkippableFact]
    public async Task UserCreateAsync_EmbeddedExtensionTakenInOtherCase_IsDuplicate()
    {
        var tenant = await CreateTenantAsync();
        var existing = await CreateExtensionAsync(tenant);
        var user = NewUser(tenant) with { Extensions = [NewExtension(tenant, OtherCase(existing.Address!))] };

        var write = await Store.Users.CreateAsync(WriteOf(user, null), SystemActor, Ct);

        Assert.Equal((WriteStatus.Duplicate, StoreKey.Extension), (write.Status, write.Key));
        Assert.False(string.IsNullOrEmpty(write.KeyValue), "the duplicate names the embedded extension's address");
        Assert.Equal(Keys.Fold(existing.Address!), Keys.Fold(write.KeyValue));
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, user.LoginName!, UserParts.None, Ct));
    }

    [SkippableFact]
    public async Task UserCreateAsync_EmbeddedExtensionOfAnotherTenantsAddress_IsOk()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var elsewhere = await CreateExtensionAsync(other);

        var user = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant, elsewhere.Address)] });

        Assert.Equal(user.Id, (await FindExtensionAsync(tenant, elsewhere.Address!))?.User?.Id);
        Assert.Null((await FindExtensionAsync(other, elsewhere.Address!))?.User);
    }

    [SkippableFact]
    public async Task UserCreateAsync_ObserverUserOfAnotherTenant_IsMissingReferenceAndStoresNothing()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var user = NewUser(tenant) with { ObserverUserId = foreign.Id };

        AssertStatus(WriteStatus.MissingReference, StoreKey.ObserverUser, await Store.Users.CreateAsync(WriteOf(user, null), SystemActor, Ct));
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, user.LoginName!, UserParts.None, Ct));
    }

    [SkippableFact]
    public async Task UserCreateAsync_ObserverUserOfSameTenant_IsStored()
    {
        var tenant = await CreateTenantAsync();
        var observer = await CreateUserAsync(NewUser(tenant));

        var user = await CreateUserAsync(NewUser(tenant) with { ObserverUserId = observer.Id });

        Assert.Equal(observer.Id, (await FindUserAsync(user.Id!.Value, UserParts.None))?.ObserverUserId);
    }

    [SkippableFact]
    public async Task UserCreateAsync_ObserverGroupOfAnotherTenant_IsMissingReference()
    {
        var tenant = await CreateTenantAsync();
        var foreignGroup = await DefaultGroupIdAsync(await CreateUserAsync(NewUser(await CreateTenantAsync())));
        var ownGroup = await DefaultGroupIdAsync(await CreateUserAsync(NewUser(tenant)));
        var user = NewUser(tenant) with { ObserverGroupId = foreignGroup };

        AssertStatus(WriteStatus.MissingReference, StoreKey.ObserverGroup, await Store.Users.CreateAsync(WriteOf(user, null), SystemActor, Ct));
        var stored = await CreateUserAsync(user with { ObserverGroupId = ownGroup });
        Assert.Equal(ownGroup, stored.ObserverGroupId);
    }

    [SkippableFact]
    public async Task UserCreateAsync_EmbeddedExtensionWithMediaChange_StoresTheChangeOverNoMedia()
    {
        var tenant = await CreateTenantAsync();
        var media = RecordedMedia.None.With(Modality.Im, Direction.Internal);
        var extension = NewExtensionWrite(tenant) with { Media = MediaChange.Exactly(media) };

        AssertOk(await Store.Users.CreateAsync(WriteOf(NewUser(tenant), null) with { Extensions = [extension] }, SystemActor, Ct));

        Assert.Equal(media, (await FindExtensionAsync(tenant, extension.Address!))?.Media);
    }
}
