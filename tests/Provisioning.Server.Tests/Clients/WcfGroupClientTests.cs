using System.ServiceModel;
using Provisioning.Server.Tests.Clients.Wcf;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Clients;

/// <summary>The group scenario of the groups issue, through a WCF client shaped as generated from ?wsdl.</summary>
public sealed class WcfGroupClientTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private ChannelFactory<IProvisioningV2> _factory = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _factory = new ChannelFactory<IProvisioningV2>(new BasicHttpBinding(), new EndpointAddress(_server.Url()));
    }

    public async Task DisposeAsync()
    {
        _factory.Close();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Group_CreateWithAdminSupervisorAndTwoMembers_ReadListAndDelete()
    {
        var client = _factory.CreateChannel();
        var token = (await client.RequestTokenAsync(new RequestTokenRequest { eid = "0000", loginName = TestServer.AdminLogin, password = TestServer.AdminPassword })).@return!.token;
        var ids = new List<int>();
        foreach (var login in new[] { "wcf-admin", "wcf-supervisor", "wcf-member-1", "wcf-member-2" })
        {
            var created = (await client.CreateUserAsync(new CreateUserRequest { token = token, user = new User { eid = "0000", loginName = login } })).@return!;
            Assert.Equal("OK", created.status!.statusCode);
            ids.Add(created.user!.id);
        }

        var group = (await client.CreateGroupAsync(new CreateGroupRequest
        {
            token = token,
            group = new Group
            {
                eid = "0000",
                name = "WCF team",
                users =
                [
                    new GroupMembership { user = new User { id = ids[0], idSpecified = true }, admin = true, adminSpecified = true },
                    new GroupMembership { user = new User { id = ids[1], idSpecified = true }, supervisor = true, supervisorSpecified = true },
                    new GroupMembership { user = new User { id = ids[2], idSpecified = true }, member = true, memberSpecified = true },
                    new GroupMembership { user = new User { id = ids[3], idSpecified = true }, member = true, memberSpecified = true },
                ],
            },
        })).@return!;
        Assert.Equal("OK", group.status!.statusCode);

        var read = (await client.GetGroupByNameAndEnvironmentAsync(new GetGroupByNameAndEnvironmentRequest { token = token, name = "WCF team", eid = "0000" })).@return!;
        Assert.Equal("OK", read.status!.statusCode);
        Assert.Equal(ids, read.group!.users!.Select(m => m.user!.id));
        Assert.Equal([true, false, false, false], read.group.users!.Select(m => m.admin));
        Assert.True(read.group.users![1].supervisor);

        var listed = (await client.ListUsersAsync(new ListUsersRequest { token = token, filter = new UserFilter { group = "WCF team", groupExact = true, groupExactSpecified = true } })).@return!;
        Assert.Equal("OK", listed.status!.statusCode);
        Assert.Equal(["wcf-admin", "wcf-supervisor", "wcf-member-1", "wcf-member-2"], listed.users!.Select(u => u.loginName));

        var deleted = (await client.DeleteGroupAsync(new DeleteGroupRequest { token = token, groupId = read.group.id })).@return!;
        Assert.Equal("OK", deleted.statusCode);
        var gone = (await client.GetGroupByNameAndEnvironmentAsync(new GetGroupByNameAndEnvironmentRequest { token = token, name = "WCF team", eid = "0000" })).@return!;
        Assert.Equal("ERROR_NOT_FOUND", gone.status!.statusCode);
    }
}
