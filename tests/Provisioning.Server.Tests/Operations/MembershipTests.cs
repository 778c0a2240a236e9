using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>Users' group memberships and roles: embedded in createUser and updateUser, and as listUsers criteria.</summary>
public sealed class MembershipTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateUser_WithoutMemberships_PrimaryMemberOfDefaultGroup()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>newcomer</loginName></user>");

        var membership = Assert.Single(answer.Return!.Element("user")!.Elements("groupMemberships"));
        Assert.Equal(("true", "Default group", eid), (membership.Element("primary")!.Value, membership.Element("group")!.Element("name")!.Value, membership.Element("group")!.Element("eid")!.Value));
        Assert.Null(membership.Element("user"));
    }

    [Theory]
    [InlineData("<groupMemberships><group><id>{g}</id></group><member>1</member></groupMemberships>", "exactly one membership must be primary, 0 are")]
    [InlineData("<groupMemberships><group><id>{g}</id></group><primary>1</primary></groupMemberships><groupMemberships><group><name>Default group</name></group><primary>1</primary></groupMemberships>", "exactly one membership must be primary, 2 are")]
    [InlineData("<groupMemberships><group><id>{g}</id></group><primary>1</primary></groupMemberships><groupMemberships><group><id>{g}</id></group></groupMemberships>", "a group is listed more than once")]
    [InlineData("<groupMemberships><primary>1</primary></groupMemberships>", "user.groupMemberships[1].group.id is mandatory")]
    [InlineData("<groupMemberships><group><name>Nope</name></group><primary>1</primary></groupMemberships>", "user.groupMemberships.group.name 'Nope' does not exist")]
    public async Task CreateUser_BadMemberships_IllegalArgumentAndNoUser(string memberships, string message)
    {
        var (eid, token) = await shared.TenantAsync();
        var group = await Provision.GroupAsync(_client, token, eid, "G");

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>bad</loginName>{memberships.Replace("{g}", group.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}</user>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains(message, answer.Message, StringComparison.Ordinal);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>bad</loginName><eid>{eid}</eid>")).StatusCode);
    }

    [Fact]
    public async Task CreateUser_GroupOfAnotherEnvironment_IllegalArgumentAndNoUser()
    {
        var (eid, token) = await shared.TenantAsync();
        var (otherEid, otherToken) = await shared.TenantAsync();
        var foreign = await Provision.GroupAsync(_client, otherToken, otherEid, "Foreign");

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>reacher</loginName><groupMemberships><group><id>{foreign}</id></group><primary>1</primary></groupMemberships></user>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", $"user.groupMemberships.group.id '{foreign}' does not exist"), (answer.StatusCode, answer.Message));
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>reacher</loginName><eid>{eid}</eid>")).StatusCode);
    }

    [Fact]
    public async Task UpdateUser_WithMemberships_ReplacesThemAndKeepsIdsOfKeptOnes()
    {
        var (eid, token) = await shared.TenantAsync();
        var a = await Provision.GroupAsync(_client, token, eid, "A");
        var b = await Provision.GroupAsync(_client, token, eid, "B");
        var created = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>mover</loginName>"
            + $"<groupMemberships><group><id>{a}</id></group><primary>1</primary></groupMemberships><groupMemberships><group><id>{b}</id></group><member>1</member></groupMemberships></user>");
        var keptId = created.Return!.Element("user")!.Elements("groupMemberships").Single(m => m.Element("group")!.Element("name")!.Value == "B").Element("uniqueIdUnmodifiable")!.Value;

        var answer = await _client.CallAsync("updateUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>mover</loginName>"
            + $"<groupMemberships><group><id>{b}</id></group><primary>1</primary><supervisor>1</supervisor></groupMemberships></user>");

        Assert.Equal("OK", answer.StatusCode);
        var membership = Assert.Single(answer.Return!.Element("user")!.Elements("groupMemberships"));
        Assert.Equal(("B", "true", "true", keptId), (membership.Element("group")!.Element("name")!.Value, membership.Element("primary")!.Value, membership.Element("supervisor")!.Value, membership.Element("uniqueIdUnmodifiable")!.Value));
    }

    [Fact]
    public async Task UpdateUser_WithoutMemberships_LeavesThemAsTheyAre()
    {
        var (eid, token) = await shared.TenantAsync();
        var group = await Provision.GroupAsync(_client, token, eid, "Stay");
        await Provision.UserAsync(_client, token, "stayer", eid, more: $"<groupMemberships><group><id>{group}</id></group><primary>1</primary></groupMemberships>");

        var answer = await _client.CallAsync("updateUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>stayer</loginName><displayName>Still here</displayName></user>");

        Assert.Equal("Stay", Assert.Single(answer.Return!.Element("user")!.Elements("groupMemberships")).Element("group")!.Element("name")!.Value);
    }

    [Fact]
    public async Task ListUsers_GroupAndRoleCriteria_SelectMembersAndRoleHolders()
    {
        var (eid, token) = await shared.TenantAsync();
        var group = await Provision.GroupAsync(_client, token, eid, "Support Team");
        await Provision.UserAsync(_client, token, "in-group", eid, "<roles>Agent</roles>", $"<groupMemberships><group><id>{group}</id></group><primary>1</primary></groupMemberships>");
        await Provision.UserAsync(_client, token, "outside", eid, "<roles>Agent Supervisor</roles>");
        var env = $"<environmentFilter><eid>{eid}</eid></environmentFilter>";

        Assert.Equal(["in-group"], await LoginsAsync(token, env + "<group>support</group>"));
        Assert.Equal(["in-group"], await LoginsAsync(token, env + "<group>Support Team</group><groupExact>1</groupExact>"));
        Assert.Equal(["in-group", "outside"], await LoginsAsync(token, env + "<role>agent</role>"));
        Assert.Equal(["in-group"], await LoginsAsync(token, env + "<role>AGENT</role><roleExact>1</roleExact>"));
    }

    [Fact]
    public async Task ListUsers_SkipGroupsAndRoles_LeavesThemOut()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "projected", eid, "<roles>Agent</roles>");

        var full = await _client.CallAsync("listUsers", $"<token>{token}</token><filter><loginName>projected</loginName></filter>");
        var skipped = await _client.CallAsync("listUsers", $"<token>{token}</token><filter><loginName>projected</loginName><skipGroups>1</skipGroups><skipRoles>1</skipRoles></filter>");

        var user = full.Return!.Element("users")!;
        Assert.NotNull(user.Element("groupMemberships"));
        Assert.NotNull(user.Element("roles"));
        var lean = skipped.Return!.Element("users")!;
        Assert.Null(lean.Element("groupMemberships"));
        Assert.Null(lean.Element("roles"));
    }

    private async Task<string[]> LoginsAsync(string token, string filter)
    {
        var answer = await _client.CallAsync("listUsers", $"<token>{token}</token><filter>{filter}</filter>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return answer.Return!.Elements("users").Select(u => u.Element("loginName")!.Value).ToArray();
    }
}
