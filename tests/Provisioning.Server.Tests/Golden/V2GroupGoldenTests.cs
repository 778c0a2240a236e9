using System.Globalization;
using Provisioning.Server.Tests.Infrastructure;
using G = Provisioning.Server.Tests.Infrastructure.Golden;

namespace Provisioning.Server.Tests.Golden;

/// <summary>The documented v2 group transactions, replayed against a fresh server and compared on the wire.</summary>
public sealed class V2GroupGoldenTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private SoapClient _client = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _client = _server.Client();
        _token = await _client.TokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateGroup_WithoutMembers_AnswersDocumentedGroupWithNewId()
    {
        var answer = await _client.PostAsync(G.WithToken(G.Read("v2/createGroup.without-members.request.xml"), _token));

        var id = answer.Return!.Element("group")!.Element("id")!.Value;
        G.AssertSame(G.Read("v2/createGroup.without-members.response.xml").Replace("<id>6</id>", $"<id>{id}</id>", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task DeleteGroup_DefaultGroup_AnswersDocumentedRefusal()
    {
        var answer = await _client.PostAsync(G.WithToken(G.Read("v2/deleteGroup.default-group.request.xml"), _token));

        G.AssertSame(G.Read("v2/deleteGroup.default-group.response.xml"), answer);
    }

    [Fact]
    public async Task DeleteGroup_ExistingGroup_AnswersOkAndTheGroupIsGone()
    {
        var id = await Provision.GroupAsync(_client, _token, "0000", "To delete");
        var request = G.WithToken(G.Read("v2/deleteGroup.existing-group.request.xml"), _token).Replace("<groupId>10</groupId>", $"<groupId>{id}</groupId>", StringComparison.Ordinal);

        G.AssertSame(G.Read("v2/deleteGroup.existing-group.response.xml"), await _client.PostAsync(request));

        var read = await _client.CallAsync("getGroupByNameAndEnvironment", $"<token>{_token}</token><name>To delete</name><eid>0000</eid>");
        Assert.Equal("ERROR_NOT_FOUND", read.StatusCode);
    }

    [Fact]
    public async Task UpdateGroup_WithoutUserUpdate_RenamesAndKeepsMembers()
    {
        var id = await Provision.GroupAsync(_client, _token, "0000", "Old Group Name");
        var member = await Provision.UserAsync(_client, _token, "kept-member");
        var withMember = await _client.CallAsync("updateGroup", $"<token>{_token}</token><group><id>{id}</id><name>Old Group Name</name><users><user><id>{member}</id></user><member>1</member></users></group><updateUsers>1</updateUsers>");
        Assert.Equal("OK", withMember.StatusCode);
        var request = G.WithToken(G.Read("v2/updateGroup.without-user-update.request.xml"), _token).Replace("<id>2</id>", $"<id>{id}</id>", StringComparison.Ordinal);

        var answer = await _client.PostAsync(request);

        Assert.Equal("OK", answer.StatusCode);
        var group = answer.Return!.Element("group")!;
        Assert.Equal("New Group Name", group.Element("name")!.Value);
        Assert.Equal(member.ToString(CultureInfo.InvariantCulture), group.Element("users")!.Element("user")!.Element("id")!.Value);
    }
}
