using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Extensions: create, find by id or address ignoring case with the linked user, and the unique address.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ExtensionCreateAsync_NewExtension_ReturnsItsIdAndStoresEveryField()
    {
        var tenant = await CreateTenantAsync();
        var media = RecordedMedia.None.With(Modality.Voice, Direction.Incoming).WithAllDirections(Modality.Screen);
        var input = NewExtensionWrite(tenant) with { Mode = RecordingMode.ControlledAutoStart, Media = MediaChange.Exactly(media) };

        var created = await CreateExtensionAsync(input);

        Assert.NotNull(created.Id);
        var found = await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, created.Id, null), Ct);
        Assert.NotNull(found);
        Assert.Equal((created.Id, tenant.Id, tenant.Ref, input.Address, input.Mode, media), (found.Id, found.TenantId, found.Tenant, found.Address, found.Mode, found.Media));
        Assert.Null(found.User);
    }

    [SkippableFact]
    public async Task ExtensionCreateAsync_WithoutMediaChange_StoresTheGivenMedia()
    {
        var tenant = await CreateTenantAsync();
        var media = RecordedMedia.None.With(Modality.Video, Direction.Internal);

        var created = await CreateExtensionAsync(NewExtensionWrite(tenant) with { Media = MediaChange.Exactly(media) });

        Assert.Equal(media, (await FindExtensionAsync(tenant, created.Address!))?.Media);
    }

    [SkippableFact]
    public async Task ExtensionFindAsync_AddressInOtherCase_FindsTheExtension()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);

        var found = await FindExtensionAsync(tenant, OtherCase(created.Address!));

        Assert.Equal(created.Id, found?.Id);
        Assert.Equal(created.Address, found?.Address);
    }

    [SkippableFact]
    public async Task ExtensionFindAsync_UnknownOrOtherTenantsKey_ReturnsNull()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);

        Assert.Null(await FindExtensionAsync(tenant, Unique("Sip")));
        Assert.Null(await FindExtensionAsync(other, created.Address!));
        Assert.Null(await Store.Extensions.FindAsync(new ExtensionKey(other.Id, created.Id, null), Ct));
        Assert.Null(await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, created.Id + 1000, null), Ct));
    }

    [SkippableFact]
    public async Task ExtensionFindByIdAsync_ExtensionsOfTwoEnvironments_EachWithItsEnvironmentAndUser()
    {
        var (tenant, other) = (await CreateTenantAsync(), await CreateTenantAsync());
        var user = await CreateUserAsync(other, "Agent");
        var (mine, theirs) = (await CreateExtensionAsync(tenant), await CreateExtensionAsync(other, user.Id));

        var (foundMine, foundTheirs) = (await Store.Extensions.FindByIdAsync(mine.Id!.Value, Ct), await Store.Extensions.FindByIdAsync(theirs.Id!.Value, Ct));

        Assert.Equal((mine.Id, tenant.Id, tenant.Ref, mine.Address, (long?)null), (foundMine?.Id, foundMine?.TenantId, foundMine?.Tenant, foundMine?.Address, foundMine?.User?.Id));
        Assert.Equal((theirs.Id, other.Id, other.Ref, user.Id, user.LoginName), (foundTheirs?.Id, foundTheirs?.TenantId, foundTheirs?.Tenant, foundTheirs?.User?.Id, foundTheirs?.User?.LoginName));
    }

    [SkippableFact]
    public async Task ExtensionFindByIdAsync_UnknownOrDeletedId_ReturnsNull()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);
        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), SystemActor, Ct));

        Assert.Null(await Store.Extensions.FindByIdAsync(created.Id!.Value, Ct));
        Assert.Null(await Store.Extensions.FindByIdAsync(long.MaxValue, Ct));
    }

    [SkippableFact]
    public async Task ExtensionFindAsync_LinkedUser_CarriesTheUserWithRolesButWithoutExtensions()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(FullUser(tenant) with { Roles = [Roles.Administrator, "Agent"] });
        var created = await CreateExtensionAsync(tenant, user.Id);

        var found = await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, created.Id, null), Ct);

        Assert.NotNull(found?.User);
        Assert.Equal((user.Id, user.LoginName, user.ExternalId, tenant.Ref), (found.User.Id, found.User.LoginName, found.User.ExternalId, found.User.Tenant));
        Assert.Equal([Roles.Administrator, "Agent"], found.User.Roles);
        Assert.Empty(found.User.Extensions);
    }

    [SkippableFact]
    public async Task ExtensionCreateAsync_AddressTakenInOtherCase_IsDuplicateAndStoresNothing()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var existing = await CreateExtensionAsync(tenant);

        var write = await Store.Extensions.CreateAsync(NewExtensionWrite(tenant, OtherCase(existing.Address!), user.Id), SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.Extension, write);
        var found = await FindExtensionAsync(tenant, existing.Address!);
        Assert.Equal((existing.Id, existing.Address), (found?.Id, found?.Address));
        Assert.Null(found?.User);
    }

    [SkippableFact]
    public async Task ExtensionCreateAsync_SameAddressInAnotherTenant_IsOk()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var existing = await CreateExtensionAsync(tenant);

        var created = await CreateExtensionAsync(NewExtensionWrite(other, existing.Address));

        Assert.NotEqual(existing.Id, created.Id);
        Assert.Equal(created.Id, (await FindExtensionAsync(other, existing.Address!))?.Id);
    }

    [SkippableFact]
    public async Task ExtensionCreateAsync_UserOfAnotherTenantOrUnknown_IsMissingReferenceUser()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var extension = NewExtensionWrite(tenant, userId: foreign.Id);

        AssertStatus(WriteStatus.MissingReference, StoreKey.User, await Store.Extensions.CreateAsync(extension, SystemActor, Ct));
        AssertStatus(WriteStatus.MissingReference, StoreKey.User, await Store.Extensions.CreateAsync(extension with { UserId = foreign.Id + 1000 }, SystemActor, Ct));
        Assert.Null(await FindExtensionAsync(tenant, extension.Address!));
    }

    [SkippableFact]
    public async Task ExtensionDeleteAsync_ByAddressInOtherCase_RemovesIt()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);

        var deleted = AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, null, OtherCase(created.Address!)), SystemActor, Ct));

        Assert.Equal(created.Id, deleted.Id);
        Assert.Null(await FindExtensionAsync(tenant, created.Address!));
        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, null, created.Address), SystemActor, Ct));
    }

    [SkippableFact]
    public async Task ExtensionDeleteAsync_ById_RemovesItAndKeepsItsUser()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var created = await CreateExtensionAsync(tenant, user.Id);

        AssertOk(await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, created.Id, null), SystemActor, Ct));

        Assert.Null(await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, created.Id, null), Ct));
        Assert.Empty((await FindUserAsync(user.Id!.Value))!.Extensions);
    }

    [SkippableFact]
    public async Task ExtensionDeleteAsync_IdAndAddressDisagree_IsNotFoundAndDeletesNothing()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateExtensionAsync(tenant);
        var second = await CreateExtensionAsync(tenant);

        var write = await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, first.Id, second.Address), SystemActor, Ct);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, write);
        Assert.NotNull(await FindExtensionAsync(tenant, first.Address!));
        Assert.NotNull(await FindExtensionAsync(tenant, second.Address!));
    }

    [SkippableFact]
    public async Task ExtensionDeleteAsync_OtherTenantsKey_IsNotFound()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Extensions.DeleteAsync(new ExtensionKey(other.Id, created.Id, null), SystemActor, Ct));
        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Extensions.DeleteAsync(new ExtensionKey(other.Id, null, created.Address), SystemActor, Ct));
        Assert.NotNull(await FindExtensionAsync(tenant, created.Address!));
    }

    [SkippableFact]
    public async Task ExtensionDeleteAsync_KeyWithNeitherIdNorAddress_IsNotFoundAndDeletesNothing()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);

        var write = await Store.Extensions.DeleteAsync(new ExtensionKey(tenant.Id, null, null), SystemActor, Ct);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, write);
        Assert.NotNull(await FindExtensionAsync(tenant, created.Address!));
        Assert.Null(await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, null, null), Ct));
    }
}
