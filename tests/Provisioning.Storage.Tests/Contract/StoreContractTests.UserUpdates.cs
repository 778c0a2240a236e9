using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>User updates: fields and lists replaced, the password hash kept or replaced, extensions moved.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserUpdateAsync_NewValues_ReplacesFieldsAndLists()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(FullUser(tenant));
        var values = NewUser(tenant) with
        {
            Id = created.Id,
            DisplayName = "Renamed",
            Language = "de",
            ValidTo = T0.AddDays(30),
            Locked = true,
            UserType = UserType.Verba,
            ExternalId = Unique("Ext"),
            Roles = ["Auditor", "Agent", "Reviewer"],
            Customs = ["only"],
            Extensions = [NewExtension(tenant) with { Mode = RecordingMode.DoNotRecord }],
        };

        var updated = AssertOk(await Store.Users.UpdateAsync(WriteOf(values, null), SystemActor, Ct));

        AssertSameUser(values, updated);
        AssertSameUser(values, await FindUserAsync(created.Id!.Value));
    }

    [SkippableFact]
    public async Task UserUpdateAsync_NullPasswordHash_KeepsTheStoredHash()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant), "stored-hash");

        AssertOk(await Store.Users.UpdateAsync(WriteOf(created with { DisplayName = "changed" }, null), SystemActor, Ct));

        Assert.Equal("stored-hash", (await Store.Tokens.FindCredentialsAsync(tenant.Eid!, created.LoginName!, Ct))?.PasswordHash);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_NewPasswordHash_ReplacesTheStoredHash()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant), "old-hash");

        AssertOk(await Store.Users.UpdateAsync(WriteOf(created, "new-hash"), SystemActor, Ct));

        Assert.Equal("new-hash", (await Store.Tokens.FindCredentialsAsync(tenant.Eid!, created.LoginName!, Ct))?.PasswordHash);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_ExtensionNoLongerListed_IsUnlinkedButKept()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant), NewExtension(tenant)] });
        var (kept, dropped) = (created.Extensions[0], created.Extensions[1]);

        AssertOk(await Store.Users.UpdateAsync(WriteOf(created with { Extensions = [NewExtension(tenant, kept.Address)] }, null), SystemActor, Ct));

        Assert.Equal(created.Id, (await FindExtensionAsync(tenant, kept.Address!))?.User?.Id);
        var unlinked = await FindExtensionAsync(tenant, dropped.Address!);
        Assert.NotNull(unlinked);
        Assert.Null(unlinked.User);
        Assert.Equal([kept.Address], (await FindUserAsync(created.Id!.Value))!.Extensions.Select(e => e.Address));
    }

    [SkippableFact]
    public async Task UserUpdateAsync_ListedExistingExtensions_AreTakenOver()
    {
        var tenant = await CreateTenantAsync();
        var loose = await CreateExtensionAsync(tenant);
        var owner = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant)] });
        var owned = owner.Extensions[0];
        var user = await CreateUserAsync(NewUser(tenant));
        var fresh = NewExtension(tenant);

        var listed = new[] { NewExtension(tenant, OtherCase(loose.Address!)), NewExtension(tenant, owned.Address), fresh };
        AssertOk(await Store.Users.UpdateAsync(WriteOf(user with { Extensions = listed }, null), SystemActor, Ct));

        Assert.Equal(user.Id, (await FindExtensionAsync(tenant, loose.Address!))?.User?.Id);
        Assert.Equal(user.Id, (await FindExtensionAsync(tenant, owned.Address!))?.User?.Id);
        Assert.Equal(user.Id, (await FindExtensionAsync(tenant, fresh.Address!))?.User?.Id);
        Assert.Empty((await FindUserAsync(owner.Id!.Value))!.Extensions);
        Assert.Single(await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], new TextMatch(loose.Address!, true), null), 10, Ct));
    }

    [SkippableFact]
    public async Task UserUpdateAsync_UnknownId_IsNotFound()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant));

        var write = await Store.Users.UpdateAsync(WriteOf(NewUser(tenant) with { Id = created.Id + 1000 }, null), SystemActor, Ct);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, write);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_IdOfAnotherTenantsUser_IsNotFoundAndChangesNothing()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));

        var write = await Store.Users.UpdateAsync(WriteOf(NewUser(tenant) with { Id = foreign.Id }, null), SystemActor, Ct);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, write);
        Assert.Equal(foreign.LoginName, (await FindUserAsync(foreign.Id!.Value, UserParts.None))?.LoginName);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_RenameOntoAnotherLoginInOtherCase_IsDuplicateAndChangesNothing()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateUserAsync(NewUser(tenant));
        var second = await CreateUserAsync(NewUser(tenant) with { Roles = ["Agent"] });

        var values = second with { LoginName = OtherCase(first.LoginName!), Roles = ["Changed"], DisplayName = "changed" };
        var write = await Store.Users.UpdateAsync(WriteOf(values, "new-hash"), SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.LoginName, write);
        AssertSameUser(second, await FindUserAsync(second.Id!.Value));
        Assert.Null((await Store.Tokens.FindCredentialsAsync(tenant.Eid!, second.LoginName!, Ct))?.PasswordHash);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_OwnLoginInOtherCase_IsOk()
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant));

        var updated = AssertOk(await Store.Users.UpdateAsync(WriteOf(created with { LoginName = OtherCase(created.LoginName!) }, null), SystemActor, Ct));

        Assert.Equal(OtherCase(created.LoginName!), updated.LoginName);
    }

    [SkippableFact]
    public async Task UserUpdateAsync_ObserverUserOfAnotherTenant_IsMissingReference()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));
        var created = await CreateUserAsync(NewUser(tenant));

        var write = await Store.Users.UpdateAsync(WriteOf(created with { ObserverUserId = foreign.Id }, null), SystemActor, Ct);

        AssertStatus(WriteStatus.MissingReference, StoreKey.ObserverUser, write);
        Assert.Null((await FindUserAsync(created.Id!.Value, UserParts.None))?.ObserverUserId);
    }
}
