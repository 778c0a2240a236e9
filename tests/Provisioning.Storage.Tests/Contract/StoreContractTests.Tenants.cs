using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Tenants: create, find by each key ignoring case, the unique keys, and update.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task TenantCreateAsync_NewTenant_ReturnsItWithAnId()
    {
        var input = NewTenant();

        var created = await CreateTenantAsync(input);

        Assert.True(created.Id > 0);
        AssertSameTenant(input with { Id = created.Id }, created);
    }

    [SkippableFact]
    public async Task TenantFindAsync_ByIdEidAndShortNameInOtherCase_FindsTheTenant()
    {
        var created = await CreateTenantAsync();

        AssertSameTenant(created, await Store.Tenants.FindByIdAsync(created.Id, Ct));
        AssertSameTenant(created, await Store.Tenants.FindByEidAsync(OtherCase(created.Eid!), Ct));
        AssertSameTenant(created, await Store.Tenants.FindByShortNameAsync(OtherCase(created.ShortName!), Ct));
    }

    [SkippableFact]
    public async Task TenantFindAsync_UnknownKeys_ReturnNull()
    {
        var created = await CreateTenantAsync();

        Assert.Null(await Store.Tenants.FindByIdAsync(created.Id + 1000, Ct));
        Assert.Null(await Store.Tenants.FindByEidAsync(NewEid(), Ct));
        Assert.Null(await Store.Tenants.FindByShortNameAsync(Unique("Env"), Ct));
    }

    [SkippableFact]
    public async Task TenantCreateAsync_EidTakenInOtherCase_IsDuplicateEidAndStoresNothing()
    {
        var first = await CreateTenantAsync();
        var second = NewTenant() with { Eid = OtherCase(first.Eid!) };

        AssertStatus(WriteStatus.Duplicate, StoreKey.Eid, await Store.Tenants.CreateAsync(second, SystemActor, Ct));
        Assert.Null(await Store.Tenants.FindByShortNameAsync(second.ShortName!, Ct));
    }

    [SkippableFact]
    public async Task TenantCreateAsync_ShortNameTakenInOtherCase_IsDuplicateShortNameAndStoresNothing()
    {
        var first = await CreateTenantAsync();
        var second = NewTenant() with { ShortName = OtherCase(first.ShortName!) };

        AssertStatus(WriteStatus.Duplicate, StoreKey.ShortName, await Store.Tenants.CreateAsync(second, SystemActor, Ct));
        Assert.Null(await Store.Tenants.FindByEidAsync(second.Eid!, Ct));
    }

    [SkippableFact]
    public async Task TenantUpdateAsync_NewValues_ReplacesEveryFieldButTheEid()
    {
        var created = await CreateTenantAsync();
        var values = new Tenant
        {
            Id = created.Id,
            Eid = NewEid(),
            ShortName = Unique("Renamed"),
            DisplayName = "Renamed environment",
            HelpdeskUrl = "https://other.example.com/",
            Inactive = true,
            OndemandMaxCallAgeHoursInBuffer = 12,
            OndemandMaxRowsInBufferPerUser = 50,
            Partitions = [9, 1, 4, 2],
            ArchiveAtAgeHours = 1,
            DeleteAtAgeHours = 2,
            ArchivePath = "/elsewhere",
        };

        var updated = AssertOk(await Store.Tenants.UpdateAsync(values, SystemActor, Ct));

        var expected = values with { Eid = created.Eid };
        AssertSameTenant(expected, updated);
        AssertSameTenant(expected, await Store.Tenants.FindByIdAsync(created.Id, Ct));
        Assert.Null(await Store.Tenants.FindByShortNameAsync(created.ShortName!, Ct));
    }

    [SkippableFact]
    public async Task TenantUpdateAsync_NullsAndNoPartitions_ClearsThoseFields()
    {
        var created = await CreateTenantAsync();
        var values = new Tenant { Id = created.Id, Eid = created.Eid, ShortName = created.ShortName };

        AssertOk(await Store.Tenants.UpdateAsync(values, SystemActor, Ct));

        AssertSameTenant(values, await Store.Tenants.FindByIdAsync(created.Id, Ct));
    }

    [SkippableFact]
    public async Task TenantUpdateAsync_OwnShortNameInOtherCase_IsOk()
    {
        var created = await CreateTenantAsync();

        var updated = AssertOk(await Store.Tenants.UpdateAsync(created with { ShortName = OtherCase(created.ShortName!) }, SystemActor, Ct));

        Assert.Equal(OtherCase(created.ShortName!), updated.ShortName);
    }

    [SkippableFact]
    public async Task TenantUpdateAsync_AnotherTenantsShortName_IsDuplicateAndChangesNothing()
    {
        var first = await CreateTenantAsync();
        var second = await CreateTenantAsync();

        var write = await Store.Tenants.UpdateAsync(second with { ShortName = OtherCase(first.ShortName!), DisplayName = "changed" }, SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.ShortName, write);
        AssertSameTenant(second, await Store.Tenants.FindByIdAsync(second.Id, Ct));
    }

    [SkippableFact]
    public async Task TenantUpdateAsync_UnknownId_IsNotFound()
    {
        var created = await CreateTenantAsync();

        var write = await Store.Tenants.UpdateAsync(NewTenant() with { Id = created.Id + 1000 }, SystemActor, Ct);

        AssertStatus(WriteStatus.NotFound, StoreKey.None, write);
    }
}
