using System.Security.Cryptography;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Tenant lists: each criterion of <see cref="TenantQuery"/>, the limit, and the count.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    private static readonly TenantQuery AllTenants = new(null, null, null, null);

    [SkippableFact]
    public async Task TenantListAsync_EidExactInOtherCase_FindsOnlyThatTenant()
    {
        var wanted = await CreateTenantAsync();
        await CreateTenantAsync();

        var found = await ListTenantsAsync(AllTenants with { Eid = new TextMatch(OtherCase(wanted.Eid!), Exact: true) });

        Assert.Equal([wanted.Id], found);
    }

    [SkippableFact]
    public async Task TenantListAsync_EidSubstringInOtherCase_FindsTenantsContainingIt()
    {
        // The other eid holds no x, so only the wanted one contains the searched part.
        var wanted = await CreateTenantAsync(NewTenant() with { Eid = "Qx" + RandomNumberGenerator.GetString("abcdefgh", 2) });
        await CreateTenantAsync(NewTenant() with { Eid = "Zz" + RandomNumberGenerator.GetString("0123456789", 2) });

        var exact = await ListTenantsAsync(AllTenants with { Eid = new TextMatch(wanted.Eid![..3], Exact: true) });
        var substring = await ListTenantsAsync(AllTenants with { Eid = new TextMatch(OtherCase(wanted.Eid![1..3]), Exact: false) });

        Assert.Empty(exact);
        Assert.Equal([wanted.Id], substring);
    }

    [SkippableFact]
    public async Task TenantListAsync_ShortNameExactAndSubstring_MatchIgnoringCase()
    {
        var marker = Unique("Mark");
        var wanted = await CreateTenantAsync(NewTenant() with { ShortName = "Pre-" + marker + "-Post" });
        await CreateTenantAsync();

        var exact = await ListTenantsAsync(AllTenants with { ShortName = new TextMatch(OtherCase(wanted.ShortName!), Exact: true) });
        var partOnlyExact = await ListTenantsAsync(AllTenants with { ShortName = new TextMatch(marker, Exact: true) });
        var substring = await ListTenantsAsync(AllTenants with { ShortName = new TextMatch(OtherCase(marker), Exact: false) });

        Assert.Equal([wanted.Id], exact);
        Assert.Empty(partOnlyExact);
        Assert.Equal([wanted.Id], substring);
    }

    [SkippableFact]
    public async Task TenantListAsync_Inactive_SelectsByTheFlag()
    {
        var active = await CreateTenantAsync();
        var inactive = await CreateTenantAsync(NewTenant() with { Inactive = true });

        Assert.Equal([inactive.Id], await ListTenantsAsync(AllTenants with { Inactive = true }));
        Assert.Equal([active.Id], await ListTenantsAsync(AllTenants with { Inactive = false }));
        Assert.Equal([active.Id, inactive.Id], await ListTenantsAsync(AllTenants));
    }

    [SkippableFact]
    public async Task TenantListAsync_OnlyTenantId_ConfinesTheListToIt()
    {
        var first = await CreateTenantAsync();
        var second = await CreateTenantAsync();

        Assert.Equal([second.Id], await ListTenantsAsync(AllTenants with { OnlyTenantId = second.Id }));
        Assert.Empty(await ListTenantsAsync(AllTenants with { OnlyTenantId = second.Id, Eid = new TextMatch(first.Eid!, Exact: true) }));
    }

    [SkippableFact]
    public async Task TenantListAsync_Limit_ReturnsTheFirstByIdOnly()
    {
        var created = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            created.Add((await CreateTenantAsync()).Id);
        }

        Assert.Equal(created[..2], await ListTenantsAsync(AllTenants, limit: 2));
        Assert.Equal(created, await ListTenantsAsync(AllTenants, limit: 100));
    }

    [SkippableFact]
    public async Task TenantListAsync_FoundTenants_CarryEveryField()
    {
        var created = await CreateTenantAsync();

        var found = await Store.Tenants.ListAsync(AllTenants with { OnlyTenantId = created.Id }, 10, Ct);

        AssertSameTenant(created, Assert.Single(found));
    }

    [SkippableFact]
    public async Task TenantCountAsync_AfterCreates_CountsEveryTenant()
    {
        var before = await Store.Tenants.CountAsync(Ct);
        await CreateTenantAsync();
        await CreateTenantAsync(NewTenant() with { Inactive = true });

        Assert.Equal(before + 2, await Store.Tenants.CountAsync(Ct));
    }

    private async Task<long[]> ListTenantsAsync(TenantQuery query, int limit = 100) =>
        [.. (await Store.Tenants.ListAsync(query, limit, Ct)).Select(t => t.Id)];
}
