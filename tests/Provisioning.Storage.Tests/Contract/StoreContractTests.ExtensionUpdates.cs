using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Extension updates: every field replaced, the media change applied over what is stored, renames.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ExtensionUpdateAsync_ByAddressInOtherCase_ReplacesModeMediaAndUser()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var created = await CreateExtensionAsync(tenant);
        var media = RecordedMedia.None.WithAllDirections(Modality.Im);
        var values = NewExtensionWrite(tenant, created.Address, user.Id) with { Mode = RecordingMode.Controlled, Media = MediaChange.Exactly(media) };

        var updated = AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, null, OtherCase(created.Address!)), values, SystemActor, Ct));

        Assert.Equal(created.Id, updated.Id);
        var found = await FindExtensionAsync(tenant, created.Address!);
        Assert.Equal((RecordingMode.Controlled, media, user.Id), (found?.Mode, found?.Media, found?.User?.Id));
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_ByIdWithNewAddress_RenamesIt()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);
        var values = NewExtensionWrite(tenant);

        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), values, SystemActor, Ct));

        Assert.Null(await FindExtensionAsync(tenant, created.Address!));
        Assert.Equal(created.Id, (await FindExtensionAsync(tenant, OtherCase(values.Address!)))?.Id);
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_RenameOntoAnotherAddressInOtherCase_IsDuplicateAndChangesNothing()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateExtensionAsync(tenant);
        var second = await CreateExtensionAsync(tenant);
        var values = NewExtensionWrite(tenant, OtherCase(first.Address!)) with { Mode = RecordingMode.DoNotRecord };

        var write = await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, second.Id, null), values, SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.Extension, write);
        var found = await Store.Extensions.FindAsync(new ExtensionKey(tenant.Id, second.Id, null), Ct);
        Assert.Equal((second.Address, second.Mode), (found?.Address, found?.Mode));
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_V2FlagsOverV3Directions_KeepsTheStoredDirectionsOfModalitiesLeftOn()
    {
        var tenant = await CreateTenantAsync();
        var incoming = RecordedMedia.None.With(Modality.Voice, Direction.Incoming);
        var created = await CreateExtensionAsync(NewExtensionWrite(tenant) with { Media = MediaChange.Exactly(incoming) });
        var values = NewExtensionWrite(tenant, created.Address) with { Media = MediaChange.FromFlags(voice: true, video: true, im: false, screen: false) };

        var updated = AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), values, SystemActor, Ct));

        Assert.Equal([Direction.Incoming], updated.Media.DirectionsOf(Modality.Voice));
        Assert.Equal(incoming.WithAllDirections(Modality.Video), updated.Media);
        Assert.Equal(incoming.WithAllDirections(Modality.Video), (await FindExtensionAsync(tenant, created.Address!))?.Media);
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_V2FlagOff_RemovesThatModality()
    {
        var tenant = await CreateTenantAsync();
        var stored = RecordedMedia.None.With(Modality.Voice, Direction.Outgoing).With(Modality.Screen, Direction.Internal);
        var created = await CreateExtensionAsync(NewExtensionWrite(tenant) with { Media = MediaChange.Exactly(stored) });
        var values = NewExtensionWrite(tenant, created.Address) with { Media = MediaChange.FromFlags(voice: false, video: null, im: null, screen: true) };

        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), values, SystemActor, Ct));

        Assert.Equal(RecordedMedia.None.With(Modality.Screen, Direction.Internal), (await FindExtensionAsync(tenant, created.Address!))?.Media);
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_WithoutUser_RemovesTheLink()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var created = await CreateExtensionAsync(tenant, user.Id);

        AssertOk(await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), NewExtensionWrite(tenant, created.Address), SystemActor, Ct));

        Assert.Null((await FindExtensionAsync(tenant, created.Address!))?.User);
        Assert.Empty((await FindUserAsync(user.Id!.Value))!.Extensions);
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_UserOfAnotherTenant_IsMissingReferenceAndChangesNothing()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(NewUser(tenant));
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var created = await CreateExtensionAsync(tenant, user.Id);

        var write = await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id, null), NewExtensionWrite(tenant, created.Address, foreign.Id), SystemActor, Ct);

        AssertStatus(WriteStatus.MissingReference, StoreKey.User, write);
        Assert.Equal(user.Id, (await FindExtensionAsync(tenant, created.Address!))?.User?.Id);
    }

    [SkippableFact]
    public async Task ExtensionUpdateAsync_UnknownKey_IsNotFoundAndCreatesNothing()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateExtensionAsync(tenant);
        var values = NewExtensionWrite(tenant);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, null, values.Address), values, SystemActor, Ct));
        AssertStatus(WriteStatus.NotFound, StoreKey.None, await Store.Extensions.UpdateAsync(new ExtensionKey(tenant.Id, created.Id + 1000, null), values, SystemActor, Ct));
        Assert.Null(await FindExtensionAsync(tenant, values.Address!));
    }
}
