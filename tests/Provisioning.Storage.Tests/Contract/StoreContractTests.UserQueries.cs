using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>User lists and counts: each criterion of <see cref="UserQuery"/>, the limit and the parts.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserListAsync_TenantIds_ListsOnlyThoseTenants()
    {
        var (a, b, c) = (await CreateTenantAsync(), await CreateTenantAsync(), await CreateTenantAsync());
        var (ua, ub, uc) = (await CreateUserAsync(NewUser(a)), await CreateUserAsync(NewUser(b)), await CreateUserAsync(NewUser(c)));

        Assert.Equal([ua.Id!.Value, ub.Id!.Value], await ListUsersAsync(new UserQuery { TenantIds = [a.Id, b.Id] }));
        Assert.Empty(await ListUsersAsync(new UserQuery { TenantIds = [] }));
        Assert.Superset(new HashSet<long> { ua.Id.Value, ub.Id.Value, uc.Id!.Value }, (await ListUsersAsync(new UserQuery())).ToHashSet());
        Assert.Equal(1, await Store.Users.CountAsync(new UserQuery { TenantIds = [c.Id] }, Ct));
    }

    [SkippableFact]
    public async Task UserListAsync_UserId_FindsOnlyThatUserWithinTheTenants()
    {
        var tenant = await CreateTenantAsync();
        await CreateUserAsync(NewUser(tenant));
        var wanted = await CreateUserAsync(NewUser(tenant));
        var foreign = await CreateUserAsync(NewUser(await CreateTenantAsync()));

        Assert.Equal([wanted.Id!.Value], await ListUsersAsync(InTenant(tenant) with { UserId = wanted.Id }));
        Assert.Empty(await ListUsersAsync(InTenant(tenant) with { UserId = foreign.Id }));
    }

    [SkippableFact]
    public async Task UserListAsync_LoginName_MatchesExactlyOrAsSubstringIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("Mark");
        var wanted = await CreateUserAsync(NewUser(tenant, "Pre-" + marker + "-Post"));
        await CreateUserAsync(NewUser(tenant));

        await AssertTextCriterionAsync(tenant, wanted, OtherCase(wanted.LoginName!), marker, m => new UserQuery { LoginName = m });
    }

    [SkippableFact]
    public async Task UserListAsync_Extension_MatchesExactlyOrAsSubstringIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("Mark");
        var address = "Pre-" + marker + "@example.com";
        var wanted = await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant), NewExtension(tenant, address)] });
        await CreateUserAsync(NewUser(tenant) with { Extensions = [NewExtension(tenant)] });

        await AssertTextCriterionAsync(tenant, wanted, OtherCase(address), marker, m => new UserQuery { Extension = m });
    }

    [SkippableFact]
    public async Task UserListAsync_ExternalId_MatchesExactlyOrAsSubstringIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("Mark");
        var wanted = await CreateUserAsync(NewUser(tenant) with { ExternalId = "Pre-" + marker + "-Post" });
        await CreateUserAsync(NewUser(tenant) with { ExternalId = Unique("Ext") });
        await CreateUserAsync(NewUser(tenant));

        await AssertTextCriterionAsync(tenant, wanted, OtherCase(wanted.ExternalId!), marker, m => new UserQuery { ExternalId = m });
    }

    [SkippableFact]
    public async Task UserListAsync_Role_MatchesAnyRoleExactlyOrAsSubstringIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var marker = Unique("Mark");
        var wanted = await CreateUserAsync(tenant, "Agent", "Night " + marker + " Shift");
        await CreateUserAsync(tenant, "Agent");

        await AssertTextCriterionAsync(tenant, wanted, OtherCase("Night " + marker + " Shift"), marker, m => new UserQuery { Role = m });
    }

    [SkippableFact]
    public async Task UserListAsync_Group_MatchesTheGroupNameIgnoringCase()
    {
        var tenant = await CreateTenantAsync();
        var first = await CreateUserAsync(NewUser(tenant));
        var second = await CreateUserAsync(NewUser(tenant));
        var group = Assert.Single((await FindUserAsync(first.Id!.Value))!.Memberships).Group!.Name!;

        Assert.Equal([first.Id.Value, second.Id!.Value], await ListUsersAsync(InTenant(tenant) with { Group = new TextMatch(OtherCase(group), true) }));
        Assert.Empty(await ListUsersAsync(InTenant(tenant) with { Group = new TextMatch(group + "x", true) }));
    }

    [SkippableFact]
    public async Task UserListAsync_Inactive_SelectsLockedAndOutOfValidityUsersAtNow()
    {
        var tenant = await CreateTenantAsync();
        var active = new[]
        {
            await CreateUserAsync(NewUser(tenant)),
            await CreateUserAsync(NewUser(tenant) with { Locked = false, ValidFrom = T0.AddDays(-1), ValidTo = T0.AddDays(1) }),
            await CreateUserAsync(NewUser(tenant) with { ValidFrom = T0 }),
        };
        var inactive = new[]
        {
            await CreateUserAsync(NewUser(tenant) with { Locked = true }),
            await CreateUserAsync(NewUser(tenant) with { ValidFrom = T0.AddDays(1) }),
            await CreateUserAsync(NewUser(tenant) with { ValidTo = T0.AddDays(-1) }),
            await CreateUserAsync(NewUser(tenant) with { ValidTo = T0 }),
        };
        var query = InTenant(tenant) with { Now = T0 };

        Assert.Equal(inactive.Select(u => u.Id!.Value), await ListUsersAsync(query with { Inactive = true }));
        Assert.Equal(active.Select(u => u.Id!.Value), await ListUsersAsync(query with { Inactive = false }));
        Assert.Equal(4, await Store.Users.CountAsync(query with { Inactive = true }, Ct));
        Assert.Equal(7, await Store.Users.CountAsync(query, Ct));
    }

    [SkippableFact]
    public async Task UserListAsync_Limit_ReturnsTheFirstByIdOnly()
    {
        var tenant = await CreateTenantAsync();
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await CreateUserAsync(NewUser(tenant))).Id!.Value);
        }

        Assert.Equal(ids[..2], await ListUsersAsync(InTenant(tenant), limit: 2));
        Assert.Equal(ids, await ListUsersAsync(InTenant(tenant), limit: 100));
        Assert.Equal(4, await Store.Users.CountAsync(InTenant(tenant), Ct));
    }

    [SkippableFact]
    public async Task UserListAsync_Parts_FillsOnlyTheListsAskedFor()
    {
        var tenant = await CreateTenantAsync();
        await CreateUserAsync(FullUser(tenant));

        AssertParts(UserParts.Roles | UserParts.Extensions, Assert.Single(await Store.Users.ListAsync(InTenant(tenant), UserParts.Roles | UserParts.Extensions, 10, Ct)));
        AssertParts(UserParts.All, Assert.Single(await Store.Users.ListAsync(InTenant(tenant), UserParts.All, 10, Ct)));
    }

    private static UserQuery InTenant(Tenant tenant) => new() { TenantIds = [tenant.Id], Now = T0 };

    private async Task<long[]> ListUsersAsync(UserQuery query, int limit = 100) =>
        [.. (await Store.Users.ListAsync(query, UserParts.None, limit, Ct)).Select(u => u.Id!.Value)];

    /// <summary>
    /// Exact matches the whole value in other case but not a part of it; a substring matches the part in other case;
    /// counts agree with lists.
    /// </summary>
    private async Task AssertTextCriterionAsync(Tenant tenant, User wanted, string whole, string part, Func<TextMatch, UserQuery> criterion)
    {
        UserQuery Query(string value, bool exact) => criterion(new TextMatch(value, exact)) with { TenantIds = [tenant.Id], Now = T0 };

        Assert.Equal([wanted.Id!.Value], await ListUsersAsync(Query(whole, exact: true)));
        Assert.Empty(await ListUsersAsync(Query(part, exact: true)));
        Assert.Equal([wanted.Id.Value], await ListUsersAsync(Query(OtherCase(part), exact: false)));
        Assert.Equal(1, await Store.Users.CountAsync(Query(OtherCase(part), exact: false), Ct));
        Assert.Equal(0, await Store.Users.CountAsync(Query(part, exact: true), Ct));
    }
}
