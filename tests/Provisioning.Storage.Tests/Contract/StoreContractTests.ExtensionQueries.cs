using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Extension lists: tenants, address exact or substring, user, limit, ordered by id, users filled in.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task ExtensionListAsync_TenantIds_NullMeansAllAndEmptyMeansNone()
    {
        var (a, b, c) = (await CreateTenantAsync(), await CreateTenantAsync(), await CreateTenantAsync());
        var (ea, eb, ec) = (await CreateExtensionAsync(a), await CreateExtensionAsync(b), await CreateExtensionAsync(c));

        Assert.Equal([ea.Id!.Value, eb.Id!.Value], await ListExtensionsAsync(new ExtensionQuery([a.Id, b.Id], null, null)));
        Assert.Empty(await ListExtensionsAsync(new ExtensionQuery([], null, null)));
        Assert.Superset(new HashSet<long> { ea.Id.Value, eb.Id.Value, ec.Id!.Value }, (await ListExtensionsAsync(new ExtensionQuery(null, null, null))).ToHashSet());
    }

    [SkippableFact]
    public async Task ExtensionListAsync_Address_MatchesExactlyOrAsSubstringIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("Mark");
        var wanted = await CreateExtensionAsync(NewExtensionWrite(tenant, "Pre-" + marker + "@example.com"));
        await CreateExtensionAsync(tenant);

        Assert.Equal([wanted.Id!.Value], await ListExtensionsAsync(new ExtensionQuery([tenant.Id], new TextMatch(OtherCase(wanted.Address!), true), null)));
        Assert.Empty(await ListExtensionsAsync(new ExtensionQuery([tenant.Id], new TextMatch(marker, true), null)));
        Assert.Equal([wanted.Id.Value], await ListExtensionsAsync(new ExtensionQuery([tenant.Id], new TextMatch(OtherCase(marker), false), null)));
    }

    [SkippableFact]
    public async Task ExtensionListAsync_UserId_ListsThatUsersExtensionsWithTheUser()
    {
        var tenant = await CreateTenantAsync();
        var user = await CreateUserAsync(tenant, "Agent");
        var first = await CreateExtensionAsync(tenant, user.Id);
        await CreateExtensionAsync(tenant);
        var second = await CreateExtensionAsync(tenant, user.Id);

        var found = await Store.Extensions.ListAsync(new ExtensionQuery([tenant.Id], null, user.Id), 100, Ct);

        Assert.Equal([first.Id, second.Id], found.Select(e => e.Id));
        Assert.All(found, e => Assert.Equal((user.Id, user.LoginName), (e.User?.Id, e.User?.LoginName)));
        Assert.All(found, e => Assert.Equal(["Agent"], e.User!.Roles));
    }

    [SkippableFact]
    public async Task ExtensionListAsync_Limit_ReturnsTheFirstByIdOnly()
    {
        var tenant = await CreateTenantAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await CreateExtensionAsync(tenant)).Id!.Value);
        }

        Assert.Equal(ids[..3], await ListExtensionsAsync(new ExtensionQuery([tenant.Id], null, null), limit: 3));
        Assert.Equal(ids, await ListExtensionsAsync(new ExtensionQuery([tenant.Id], null, null)));
    }

    private async Task<long[]> ListExtensionsAsync(ExtensionQuery query, int limit = 100) =>
        [.. (await Store.Extensions.ListAsync(query, limit, Ct)).Select(e => e.Id!.Value)];
}
