using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Contract;

/// <summary>Users: create, read back with the parts asked for, and the default group membership.</summary>
public abstract partial class StoreContractTests<TFixture>
{
    [SkippableFact]
    public async Task UserCreateAsync_FullUser_ReadsBackEveryFieldAndList()
    {
        var tenant = await CreateTenantAsync();
        var input = FullUser(tenant);

        var created = await CreateUserAsync(input);

        Assert.NotNull(created.Id);
        var found = await FindUserAsync(created.Id.Value);
        AssertSameUser(input with { Id = created.Id }, found);
        AssertSameUser(input with { Id = created.Id }, created);
    }

    [SkippableFact]
    public async Task UserFindByLoginAsync_LoginInOtherCase_FindsTheUser()
    {
        var tenant = await CreateTenantAsync();
        var input = FullUser(tenant);
        var created = await CreateUserAsync(input);

        var found = await Store.Users.FindByLoginAsync(tenant.Id, OtherCase(input.LoginName!), UserParts.All, Ct);

        AssertSameUser(input with { Id = created.Id }, found);
    }

    [SkippableFact]
    public async Task UserFindAsync_UnknownIdOrLoginOrOtherTenant_ReturnsNull()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();
        var created = await CreateUserAsync(NewUser(tenant));

        Assert.Null(await FindUserAsync(created.Id!.Value + 1000));
        Assert.Null(await Store.Users.FindByLoginAsync(tenant.Id, Unique("User"), UserParts.All, Ct));
        Assert.Null(await Store.Users.FindByLoginAsync(other.Id, created.LoginName!, UserParts.All, Ct));
    }

    [SkippableTheory]
    [InlineData(UserParts.None)]
    [InlineData(UserParts.Roles)]
    [InlineData(UserParts.Customs)]
    [InlineData(UserParts.Extensions)]
    [InlineData(UserParts.Memberships)]
    [InlineData(UserParts.WithoutExtensions)]
    [InlineData(UserParts.All)]
    public async Task UserFindAsync_Parts_FillsExactlyTheListsAskedFor(UserParts parts)
    {
        var tenant = await CreateTenantAsync();
        var created = await CreateUserAsync(FullUser(tenant));

        var byId = await Store.Users.FindByIdAsync(created.Id!.Value, parts, Ct);
        var byLogin = await Store.Users.FindByLoginAsync(tenant.Id, created.LoginName!, parts, Ct);

        AssertParts(parts, byId);
        AssertParts(parts, byLogin);
        Assert.Equal(created.ExternalId, byId!.ExternalId);
    }

    [SkippableFact]
    public async Task UserCreateAsync_WithoutMemberships_IsPrimaryMemberOfTheDefaultGroup()
    {
        var tenant = await CreateTenantAsync();

        var user = await CreateUserAsync(NewUser(tenant));

        var membership = Assert.Single((await FindUserAsync(user.Id!.Value, UserParts.Memberships))!.Memberships);
        Assert.True(membership.Primary);
        Assert.True(membership.Member);
        Assert.Equal(user.Id, membership.UserId);
        Assert.NotNull(membership.Group);
        Assert.True(membership.Group.IsDefault);
        Assert.Equal(tenant.Id, membership.Group.TenantId);
        Assert.Equal(membership.GroupId, membership.Group.Id);
    }

    [SkippableFact]
    public async Task UserCreateAsync_WithoutMemberships_JoinsTheOneDefaultGroupOfItsOwnTenant()
    {
        var tenant = await CreateTenantAsync();
        var other = await CreateTenantAsync();

        var first = await DefaultGroupIdAsync(await CreateUserAsync(NewUser(tenant)));
        var second = await DefaultGroupIdAsync(await CreateUserAsync(NewUser(tenant)));
        var elsewhere = await DefaultGroupIdAsync(await CreateUserAsync(NewUser(other)));

        Assert.Equal(first, second);
        Assert.NotEqual(first, elsewhere);
    }

    protected static User FullUser(Tenant tenant) => NewUser(tenant) with
    {
        DisplayName = "Ada Lovelace",
        Email = "ada@example.com",
        CrmUserId = "crm-1",
        Language = "en",
        TimeZone = "Europe/Vienna",
        ValidFrom = T0.AddDays(-10),
        ValidTo = T0.AddDays(10),
        Locked = false,
        NonModifiable = true,
        PasswordExpires = false,
        NeedChangePassword = true,
        UserType = UserType.SharedItems,
        RecorderLinePin = "1234",
        AgentId = "agent-7",
        ApiAccessOnly = true,
        CustomDateFormat = "dd.MM.yyyy",
        CustomTimeFormat = "HH:mm",
        ExternalId = Unique("Ext"),
        Roles = ["Supervisor", "Agent"],
        Customs = ["second", "first"],
        Extensions =
        [
            NewExtension(tenant) with { Mode = RecordingMode.OnDemand, Media = RecordedMedia.None.With(Modality.Video, Direction.Outgoing) },
            NewExtension(tenant),
        ],
    };

    /// <summary>
    /// Every field and list of <paramref name="expected"/>, roles and customs in order, extensions by address, mode and
    /// media (Assert.Equivalent alone ignores the order of lists).
    /// </summary>
    protected static void AssertSameUser(User expected, User? actual)
    {
        Assert.NotNull(actual);
        Assert.Equivalent(
            expected with { Extensions = [], Memberships = [] },
            actual with { Extensions = [], Memberships = [] },
            strict: true);
        Assert.Equal(expected.Roles, actual.Roles);
        Assert.Equal(expected.Customs, actual.Customs);
        Assert.Equal(
            expected.Extensions.Select(e => (Keys.Fold(e.Address!), e.Mode, e.Media)).Order(),
            actual.Extensions.Select(e => (Keys.Fold(e.Address!), e.Mode, e.Media)).Order());
        Assert.All(actual.Extensions, e => Assert.Equal(expected.TenantId, e.TenantId));
    }

    private static void AssertParts(UserParts parts, User? user)
    {
        Assert.NotNull(user);
        Assert.Equal(parts.HasFlag(UserParts.Roles) ? ["Supervisor", "Agent"] : [], user.Roles);
        Assert.Equal(parts.HasFlag(UserParts.Customs) ? ["second", "first"] : [], user.Customs);
        Assert.Equal(parts.HasFlag(UserParts.Extensions) ? 2 : 0, user.Extensions.Count);
        Assert.Equal(parts.HasFlag(UserParts.Memberships) ? 1 : 0, user.Memberships.Count);
    }

    private async Task<long?> DefaultGroupIdAsync(User user) =>
        Assert.Single((await FindUserAsync(user.Id!.Value, UserParts.Memberships))!.Memberships).GroupId;
}
