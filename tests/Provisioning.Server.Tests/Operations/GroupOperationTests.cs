using System.Xml.Linq;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>Every status path of the group operations and the one-primary-group rule.</summary>
public sealed class GroupOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateGroup_AdminSupervisorTwoMembers_ReadBackByNameWithUsers()
    {
        var (eid, token) = await shared.TenantAsync();
        var ids = new List<long>();
        foreach (var login in new[] { "boss", "watcher", "m1", "m2" })
        {
            ids.Add(await Provision.UserAsync(_client, token, login, eid));
        }

        var created = await _client.CallAsync("createGroup", $"<token>{token}</token><group><eid>{eid}</eid><name>Team</name>"
            + $"<users><user><id>{ids[0]}</id></user><admin>1</admin></users><users><user><id>{ids[1]}</id></user><supervisor>1</supervisor></users>"
            + $"<users><user><id>{ids[2]}</id></user><member>1</member></users><users><user><id>{ids[3]}</id></user><member>1</member></users></group>");
        var read = await _client.CallAsync("getGroupByNameAndEnvironment", $"<token>{token}</token><name>TEAM</name><eid>{eid}</eid>");

        Assert.Equal(("OK", "OK"), (created.StatusCode, read.StatusCode));
        var users = read.Return!.Element("group")!.Elements("users").ToList();
        Assert.Equal(["boss", "watcher", "m1", "m2"], users.Select(u => u.Element("user")!.Element("loginName")!.Value));
        Assert.Equal(["true", null, null, null], users.Select(u => u.Element("admin")?.Value));
        Assert.Equal("true", users[1].Element("supervisor")!.Value);
        Assert.All(users, u => Assert.Equal("false", u.Element("primary")!.Value));
        Assert.All(users, u => Assert.NotNull(u.Element("uniqueIdUnmodifiable")));
    }

    [Theory]
    [InlineData("", "group is mandatory")]
    [InlineData("<group><eid>{eid}</eid></group>", "group.name is mandatory")]
    [InlineData("<group><eid>{eid}</eid><name>x</name><users><admin>1</admin></users></group>", "group.users[1].user.id is mandatory")]
    [InlineData("<group><eid>{eid}</eid><name>x</name><users><user><id>999999</id></user></users></group>", "group.users.user.id '999999' does not exist")]
    public async Task CreateGroup_BadArgument_IllegalArgument(string children, string message)
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createGroup", $"<token>{token}</token>" + children.Replace("{eid}", eid, StringComparison.Ordinal));

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", message), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task CreateGroup_NameTakenOtherCase_AlreadyExists()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.GroupAsync(_client, token, eid, "Sales");

        var answer = await _client.CallAsync("createGroup", $"<token>{token}</token><group><eid>{eid}</eid><name>SALES</name></group>");

        Assert.Equal("ERROR_ALREADY_EXISTS", answer.StatusCode);
    }

    [Fact]
    public async Task CreateGroup_MemberOfAnotherEnvironment_IllegalArgumentAndNoGroup()
    {
        var (eid, token) = await shared.TenantAsync();
        var foreign = await Provision.UserAsync(_client, await shared.AdminTokenAsync(), Provision.Unique("foreign"));

        var answer = await _client.CallAsync("createGroup", $"<token>{token}</token><group><eid>{eid}</eid><name>Mixed</name><users><user><id>{foreign}</id></user></users></group>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getGroupByNameAndEnvironment", $"<token>{token}</token><name>Mixed</name><eid>{eid}</eid>")).StatusCode);
    }

    [Fact]
    public async Task CreateGroup_PrimaryForUserWithPrimaryElsewhere_TwoPrimariesRefused()
    {
        var (eid, token) = await shared.TenantAsync();
        var user = await Provision.UserAsync(_client, token, "primary-elsewhere", eid);

        var answer = await _client.CallAsync("createGroup", $"<token>{token}</token><group><eid>{eid}</eid><name>Second home</name><users><user><id>{user}</id></user><primary>1</primary></users></group>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains("two primary groups", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGroup_RemovingAUsersPrimary_NoPrimaryRefused()
    {
        var (eid, token) = await shared.TenantAsync();
        var group = await Provision.GroupAsync(_client, token, eid, "Home");
        var user = await Provision.UserAsync(_client, token, "homed", eid, more: $"<groupMemberships><group><id>{group}</id></group><primary>1</primary></groupMemberships>");

        var answer = await _client.CallAsync("updateGroup", $"<token>{token}</token><group><id>{group}</id><name>Home</name></group><updateUsers>1</updateUsers>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains($"user {user} would have no primary group", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGroup_UnknownOrForeign_IllegalOrDenied()
    {
        var (_, token) = await shared.TenantAsync();
        var (otherEid, otherToken) = await shared.TenantAsync();
        var foreign = await Provision.GroupAsync(_client, otherToken, otherEid, "Theirs");

        Assert.Equal("ERROR_UNAUTHORIZED", (await _client.CallAsync("updateGroup", $"<token>{token}</token><group><id>{foreign}</id><name>Mine</name></group>")).StatusCode);
        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", (await _client.CallAsync("updateGroup", $"<token>{await shared.AdminTokenAsync()}</token><group><id>999999</id><name>x</name></group>")).StatusCode);
        Assert.Equal("ERROR_UNAUTHORIZED", (await _client.CallAsync("deleteGroup", $"<token>{token}</token><groupId>{foreign}</groupId>")).StatusCode);
    }

    [Fact]
    public async Task DeleteGroup_UsersPrimaryGroup_UserBecomesPrimaryInDefaultGroup()
    {
        var (eid, token) = await shared.TenantAsync();
        var group = await Provision.GroupAsync(_client, token, eid, "Temporary");
        await Provision.UserAsync(_client, token, "moved", eid, more: $"<groupMemberships><group><id>{group}</id></group><primary>1</primary></groupMemberships>");

        Assert.Equal("OK", (await _client.CallAsync("deleteGroup", $"<token>{token}</token><groupId>{group}</groupId>")).StatusCode);

        var memberships = await MembershipsAsync(token, eid, "moved");
        var only = Assert.Single(memberships);
        Assert.Equal(("Default group", "true"), (only.Element("group")!.Element("name")!.Value, only.Element("primary")!.Value));
    }

    [Fact]
    public async Task DeleteGroup_MissingOrUnknownId_IllegalArgument()
    {
        var admin = await shared.AdminTokenAsync();

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "groupId is mandatory"), ((await _client.CallAsync("deleteGroup", $"<token>{admin}</token>")).StatusCode, (await _client.CallAsync("deleteGroup", $"<token>{admin}</token>")).Message));
        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", (await _client.CallAsync("deleteGroup", $"<token>{admin}</token><groupId>999999</groupId>")).StatusCode);
    }

    [Fact]
    public async Task ListGroups_FilterByName_ListsMatchingOrNotFound()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.GroupAsync(_client, token, eid, "North");
        await Provision.GroupAsync(_client, token, eid, "Northwest");

        var answer = await _client.CallAsync("listGroups", $"<token>{token}</token><filter><name>north</name></filter>");
        var exact = await _client.CallAsync("listGroups", $"<token>{token}</token><filter><name>north</name><nameExact>1</nameExact></filter>");
        var none = await _client.CallAsync("listGroups", $"<token>{token}</token><filter><name>south</name></filter>");

        Assert.Equal(["North", "Northwest"], answer.Return!.Elements("groups").Select(g => g.Element("name")!.Value));
        Assert.Equal(["North"], exact.Return!.Elements("groups").Select(g => g.Element("name")!.Value));
        Assert.Equal("ERROR_NOT_FOUND", none.StatusCode);
    }

    private async Task<List<XElement>> MembershipsAsync(string token, string eid, string login)
    {
        var answer = await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>{login}</loginName><eid>{eid}</eid>");
        Assert.Equal("OK", answer.StatusCode);
        return answer.Return!.Element("user")!.Elements("groupMemberships").ToList();
    }
}
