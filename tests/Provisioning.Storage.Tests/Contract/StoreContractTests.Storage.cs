using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Storage folders and policies: every field kept, names unique per environment, a used folder kept, audited.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [Fact]
    public async Task CreateStoragePolicy_EveryField_ReadBackWithItsFolder()
    {
        var tenant = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);
        var policy = NewPolicy(tenant, folder) with
        {
            CallFilter = "WHERE section.owner_eid = '0000'; DROP TABLE tenants; --",
            CustomSql = true,
            Decrypt = true,
            EngineId = "",
            FirstTranscode = true,
            Format = "mp3",
            KeepCdr = true,
            LanguageId = "en-US",
            MoveToRecycleBin = true,
            OlderThanMinutes = 90,
            OlderThanYears = 2,
            OnlyForArchived = true,
            Priority = 33,
        };

        var created = AssertOk(await Store.Storage.CreatePolicyAsync(policy, SystemActor, Ct));
        var read = await Store.Storage.FindPolicyAsync(created.Id!.Value, Ct);

        Assert.Equal(policy with { Id = created.Id, Folder = folder }, read);
        Assert.Equal(read, await Store.Storage.FindPolicyByNameAsync(tenant.Id, OtherCase(policy.Name!), Ct));
        Assert.NotNull(await Store.Tenants.FindByIdAsync(tenant.Id, Ct));
    }

    [Fact]
    public async Task CreateStorageFolder_NameTakenOtherCase_DuplicateInThatEnvironmentOnly()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);

        var again = await Store.Storage.CreateFolderAsync(NewFolder(tenant) with { Name = OtherCase(folder.Name!) }, SystemActor, Ct);
        var elsewhere = await Store.Storage.CreateFolderAsync(NewFolder(other) with { Name = folder.Name }, SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.StorageFolderName, again);
        Assert.True(elsewhere.IsOk);
    }

    [Fact]
    public async Task CreateStoragePolicy_FolderOfAnotherEnvironment_MissingReferenceAndNothingStored()
    {
        var tenant = await CreateTenantAsync();
        var foreign = await CreateFolderAsync(await CreateTenantAsync());
        var policy = NewPolicy(tenant, foreign);

        var write = await Store.Storage.CreatePolicyAsync(policy, SystemActor, Ct);

        AssertStatus(WriteStatus.MissingReference, StoreKey.StorageFolder, write, foreign.Id.ToString());
        Assert.Null(await Store.Storage.FindPolicyByNameAsync(tenant.Id, policy.Name!, Ct));
    }

    [Fact]
    public async Task DeleteStorageFolder_UsedByAPolicy_RefusedNamingThePolicyUntilThePolicyGoes()
    {
        var tenant = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);
        var policy = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, folder), SystemActor, Ct));

        var refused = await Store.Storage.DeleteFolderAsync(folder.Id!.Value, SystemActor, Ct);
        AssertOk(await Store.Storage.DeletePolicyAsync(policy.Id!.Value, SystemActor, Ct));
        var deleted = await Store.Storage.DeleteFolderAsync(folder.Id.Value, SystemActor, Ct);

        Assert.Equal(WriteStatus.Refused, refused.Status);
        Assert.Contains($"'{policy.Name}'", refused.Refusal!.Value.Message, StringComparison.Ordinal);
        Assert.True(deleted.IsOk);
        Assert.Null(await Store.Storage.FindFolderAsync(folder.Id.Value, Ct));
    }

    [Fact]
    public async Task UpdateStoragePolicy_EveryFieldReplaced_NameOfAnotherPolicyIsDuplicate()
    {
        var tenant = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);
        var taken = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, null), SystemActor, Ct));
        var policy = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, folder), SystemActor, Ct));
        var changed = NewPolicy(tenant, null) with { Id = policy.Id, Action = "delete", Enabled = false, Priority = 1 };

        var updated = AssertOk(await Store.Storage.UpdatePolicyAsync(changed, SystemActor, Ct));
        var duplicate = await Store.Storage.UpdatePolicyAsync(changed with { Name = taken.Name }, SystemActor, Ct);

        Assert.Equal(changed, updated);
        AssertStatus(WriteStatus.Duplicate, StoreKey.StoragePolicyName, duplicate);
    }

    [Fact]
    public async Task UpdateStorageFolder_OfAnotherEnvironment_NotFoundAndUnchanged()
    {
        var tenant = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);
        var other = await CreateTenantAsync();

        var write = await Store.Storage.UpdateFolderAsync(NewFolder(other) with { Id = folder.Id }, SystemActor, Ct);

        Assert.Equal(WriteStatus.NotFound, write.Status);
        Assert.Equal(folder, await Store.Storage.FindFolderAsync(folder.Id!.Value, Ct));
    }

    [Fact]
    public async Task ListStorage_ByEnvironment_OnlyThatEnvironmentsInIdOrder()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var first = await CreateFolderAsync(tenant);
        await CreateFolderAsync(other);
        var second = await CreateFolderAsync(tenant);
        var policy = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, second), SystemActor, Ct));

        var folders = await Store.Storage.ListFoldersAsync([tenant.Id], 100, Ct);
        var policies = await Store.Storage.ListPoliciesAsync([tenant.Id, other.Id], 100, Ct);
        var all = await Store.Storage.ListFoldersAsync(null, 100, Ct);

        Assert.Equal([first, second], folders);
        Assert.Equal([policy], policies);
        Assert.True(all.Count >= 3);
    }

    [Fact]
    public async Task StorageWrites_Audited_CreateUpdateDeleteWithTheActor()
    {
        var tenant = await CreateTenantAsync();
        var actor = new AuditActor(T0, $"{tenant.Eid}:storage", 7, "v3:createStoragePolicy");
        var folder = AssertOk(await Store.Storage.CreateFolderAsync(NewFolder(tenant), actor, Ct));
        AssertOk(await Store.Storage.UpdateFolderAsync(folder with { Path = "/elsewhere" }, actor, Ct));
        var policy = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, folder), actor, Ct));
        AssertOk(await Store.Storage.DeletePolicyAsync(policy.Id!.Value, actor, Ct));

        var folders = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.StorageFolder), 100, Ct);
        var policies = await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid, Entity: AuditChange.StoragePolicy), 100, Ct);

        Assert.Equal([folder.Name!, folder.Name!], folders.Select(e => e.Key));
        Assert.Contains("/elsewhere", folders[1].After, StringComparison.Ordinal);
        Assert.Equal([(policy.Name!, false), (policy.Name!, true)], policies.Select(e => (e.Key, e.After is null)));
        Assert.All(policies, e => Assert.Equal(("v3:createStoragePolicy", 7L), (e.Operation, e.TokenId)));
    }

    [Fact]
    public async Task DeleteTenant_WithStorage_FoldersAndPoliciesGoWithIt()
    {
        var tenant = await CreateTenantAsync();
        var folder = await CreateFolderAsync(tenant);
        var policy = AssertOk(await Store.Storage.CreatePolicyAsync(NewPolicy(tenant, folder), SystemActor, Ct));

        AssertOk(await Store.Tenants.DeleteAsync(tenant.Id, SystemActor, Ct));

        Assert.Null(await Store.Storage.FindPolicyAsync(policy.Id!.Value, Ct));
        Assert.Null(await Store.Storage.FindFolderAsync(folder.Id!.Value, Ct));
    }

    [Fact]
    public async Task CreateTenant_WithDefaultStorage_FolderAndPoliciesInTheEnvironment()
    {
        var folder = new StorageFolder { Name = "Default archive", Path = "/archive/x", Type = "local", Enabled = true };
        var archive = NewPolicy(await CreateTenantAsync(), null) with { Name = "Default archive", Action = "archive", OlderThanMinutes = 60 };
        var delete = archive with { Name = "Default delete", Action = "delete", OlderThanMinutes = 120 };

        var tenant = AssertOk(await Store.Tenants.CreateAsync(NewTenant(), new DefaultStorage(folder, [archive, delete]), SystemActor, Ct));

        var folders = await Store.Storage.ListFoldersAsync([tenant.Id], 10, Ct);
        var policies = await Store.Storage.ListPoliciesAsync([tenant.Id], 10, Ct);
        Assert.Equal([("Default archive", "/archive/x")], folders.Select(f => (f.Name!, f.Path!)));
        Assert.Equal([("Default archive", folders[0].Id), ("Default delete", null)], policies.Select(p => (p.Name!, p.FolderId)));
        Assert.All(policies, p => Assert.Equal((tenant.Id, tenant.Eid), (p.TenantId, p.Tenant.Eid)));
    }

    [Fact]
    public async Task CreateTenant_DefaultStorageRefused_NothingCreated()
    {
        var policy = NewPolicy(await CreateTenantAsync(), null) with { Name = "Twice" };
        var tenant = NewTenant();

        var write = await Store.Tenants.CreateAsync(tenant, new DefaultStorage(null, [policy, policy]), SystemActor, Ct);

        AssertStatus(WriteStatus.Duplicate, StoreKey.StoragePolicyName, write);
        Assert.Null(await Store.Tenants.FindByEidAsync(tenant.Eid!, Ct));
        Assert.Empty(await Store.Audit.ListAsync(new AuditQuery(Eid: tenant.Eid), 10, Ct));
    }

    [Fact]
    public async Task StatisticsAsync_OneEnvironment_CountsItsContentsRecordersAndLiveTokensOnly()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var user = await CreateUserAsync(tenant);
        await CreateUserAsync(other);
        await CreateExtensionAsync(tenant, user.Id);
        await CreateExtensionAsync(NewExtensionWrite(tenant) with { Mode = RecordingMode.DoNotRecord });
        AssertOk(await Store.Recorders.AddAsync(new Core.Recorders.Recorder { Name = Unique("rec"), Environments = [tenant.Eid!], CreatedAt = T0 }, [1], SystemActor, Ct));
        var live = await Store.Tokens.CreateTokenAsync(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), user.Id!.Value, T0, T0.AddHours(8), Ct);
        await Store.Tokens.CreateTokenAsync(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32), user.Id!.Value, T0.AddHours(-3), T0.AddHours(8), Ct);

        var statistics = Assert.Single(await Store.Tenants.StatisticsAsync([tenant.Id], T0.AddMinutes(30), TimeSpan.FromHours(1), Ct));

        Assert.Equal((tenant.Id, tenant.Eid, 1L, 1L, 2L, 1L, 1L), (statistics.TenantId, statistics.Eid, statistics.Users, statistics.Groups, statistics.Extensions, statistics.Recorders, statistics.LiveTokens));
        Assert.Equal([1L, 0, 0, 0, 1], statistics.ExtensionsByMode.Select(m => m.Count));
        Assert.True(live > 0);
    }

    protected static StorageFolder NewFolder(Tenant tenant) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        Name = Unique("Folder"),
        Path = "/srv/archive/" + tenant.Eid,
        Type = "smb",
        Enabled = true,
        Description = "for the tests",
    };

    protected async Task<StorageFolder> CreateFolderAsync(Tenant tenant) => AssertOk(await Store.Storage.CreateFolderAsync(NewFolder(tenant), SystemActor, Ct));

    /// <summary>A policy as the services send it: every flag set, the folder by id only.</summary>
    protected static StoragePolicy NewPolicy(Tenant tenant, StorageFolder? folder) => new()
    {
        TenantId = tenant.Id,
        Tenant = tenant.Ref,
        Name = Unique("Policy"),
        Action = folder is null ? "delete" : "archive",
        CustomSql = false,
        Decrypt = false,
        Enabled = true,
        FirstTranscode = false,
        KeepCdr = false,
        MoveToRecycleBin = false,
        OnlyForArchived = false,
        FolderId = folder?.Id,
    };
}
