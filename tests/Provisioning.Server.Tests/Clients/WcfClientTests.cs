using System.ServiceModel;
using Provisioning.Server.Tests.Clients.Wcf;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Server.Tests.Recorders;

namespace Provisioning.Server.Tests.Clients;

/// <summary>A real SOAP client (WCF, BasicHttpBinding: SOAP 1.1 over HTTP, shaped as generated from ?wsdl) against the server on Kestrel.</summary>
public sealed class WcfClientTests : IAsyncLifetime
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
    public async Task RoundTrip_TokenCreateGetListUpdateRelease_EachStepAnswersAsExpected()
    {
        var client = _factory.CreateChannel();
        var token = (await client.RequestTokenAsync(new RequestTokenRequest { eid = "0000", loginName = TestServer.AdminLogin, password = TestServer.AdminPassword })).@return!;
        Assert.Equal("OK", token.status!.statusCode);

        var created = await client.CreateExtensionAsync(new CreateExtensionRequest
        {
            token = token.token,
            extension = new Extension { eid = "0000", extension = "wcf@example.com", recordingMode = "ON_DEMAND", video = true, videoSpecified = true },
        });
        Assert.Equal("OK", created.@return!.statusCode);

        var got = (await client.GetExtensionAsync(new GetExtensionRequest
        {
            token = token.token,
            environmentFilter = new EnvironmentFilter { eid = "0000", eidExact = true, eidExactSpecified = true },
            extension = "wcf@example.com",
        })).@return!;
        Assert.Equal("OK", got.status!.statusCode);
        Assert.Equal(("ON_DEMAND", true, true, false, false), (got.extension!.recordingMode, got.extension.voice, got.extension.video, got.extension.im, got.extension.screenCaptureEnabled));
        Assert.True(got.extension.idSpecified);

        var listed = (await client.ListExtensionsAsync(new ListExtensionsRequest { token = token.token, filter = new ExtensionFilter { extension = "wcf@" } })).@return!;
        Assert.Equal("OK", listed.status!.statusCode);
        Assert.Equal("wcf@example.com", Assert.Single(listed.extensions!).extension);

        var updated = await client.UpdateExtensionAsync(new UpdateExtensionRequest
        {
            token = token.token,
            extension = new Extension { eid = "0000", extension = "wcf@example.com", recordingMode = "FULL", im = true, imSpecified = true },
        });
        Assert.Equal("OK", updated.@return!.statusCode);
        var after = (await client.GetExtensionAsync(new GetExtensionRequest { token = token.token, extension = "wcf@example.com" })).@return!;
        Assert.Equal(("FULL", true, false, true), (after.extension!.recordingMode, after.extension.voice, after.extension.video, after.extension.im));

        Assert.Equal("OK", (await client.ReleaseTokenAsync(new ReleaseTokenRequest { token = token.token })).@return!.statusCode);
        var released = await client.GetExtensionAsync(new GetExtensionRequest { token = token.token, extension = "wcf@example.com" });
        Assert.Equal(("ERROR_UNAUTHORIZED", "This token is expired or never got authenticated."), (released.@return!.status!.statusCode, released.@return.status.message));
    }

    [Fact]
    public async Task ApplyExtensionConfiguration_RecorderThatAcceptsPushes_DeliveredAndUnknownLocationReported()
    {
        await using var receiver = await PushReceiver.StartAsync();
        await Recorders.Recorders.AddPushedAsync(_server, "wcf-rec", receiver.Url("/accept/wcf-rec"), "0000");
        var client = _factory.CreateChannel();
        var token = (await client.RequestTokenAsync(new RequestTokenRequest { eid = "0000", loginName = TestServer.AdminLogin, password = TestServer.AdminPassword })).@return!.token;

        var applied = (await client.ApplyExtensionConfigurationAsync(new ApplyExtensionConfigurationRequest
        {
            token = token,
            theseServersOnly = [new Location { eid = "0000", location = "wcf-rec" }, new Location { eid = "0000", location = "nowhere" }],
            returnSuccessfulStatuses = true,
            forceEvenIfNotRegistered = true,
        })).@return!;

        Assert.Equal("OK", applied.status!.statusCode);
        Assert.Equal(2, applied.statuses!.Length);
        var delivered = applied.statuses[0];
        Assert.Equal(("0000", "wcf-rec", true, true), (delivered.eid, delivered.location, delivered.success, delivered.revisionSpecified));
        Assert.Equal($"configuration revision {delivered.revision} delivered", delivered.message);
        Assert.Equal(("nowhere", false, false, "no recorder is named nowhere"), (applied.statuses[1].location, applied.statuses[1].success, applied.statuses[1].revisionSpecified, applied.statuses[1].message));
        Assert.Single(receiver.Received["wcf-rec"]);
    }

    [Fact]
    public async Task StoragePolicyAndStatistics_CreateListAndCountOnV2AndV3Ports()
    {
        var client = _factory.CreateChannel();
        var token = (await client.RequestTokenAsync(new RequestTokenRequest { eid = "0000", loginName = TestServer.AdminLogin, password = TestServer.AdminPassword })).@return!.token;
        await client.CreateExtensionAsync(new CreateExtensionRequest { token = token, extension = new Extension { eid = "0000", extension = "wcf-stats@example.com", recordingMode = "CONTROLLED" } });

        var created = (await client.CreateStoragePolicyAsync(new CreateStoragePolicyRequest
        {
            token = token,
            storagePolicy = new StoragePolicy { eid = "0000", name = "wcf-keep", action = "DELETE", olderThanYears = 5, olderThanYearsSpecified = true },
        })).@return!;
        var listed = (await client.ListStoragePoliciesByEidAsync(new ListStoragePoliciesByEidRequest { token = token, eid = "0000" })).@return!;
        using var v3 = new ChannelFactory<IProvisioningV3Statistics>(new BasicHttpBinding(), new EndpointAddress(_server.Url(3)));
        var statistics = (await v3.CreateChannel().GetStatisticsAsync(new GetStatisticsRequest { token = token })).@return!;

        Assert.Equal(("OK", "delete", true, true), (created.status!.statusCode, created.storagePolicy!.action, created.storagePolicy.idSpecified, created.storagePolicy.enabled));
        Assert.Equal("OK", listed.status!.statusCode);
        Assert.Equal((created.storagePolicy.id, 5), Assert.Single(listed.storagePolicies!, p => p.name == "wcf-keep") is var p ? (p.id, p.olderThanYears) : default);
        Assert.Equal("OK", statistics.status!.statusCode);
        var zero = Assert.Single(statistics.environments!, e => e.eid == "0000");
        Assert.True(zero.extensions >= 1 && zero.users >= 1 && zero.liveTokens >= 1, $"extensions {zero.extensions}, users {zero.users}, live tokens {zero.liveTokens}");
        Assert.True(Assert.Single(zero.extensionsByRecordingMode!, m => m.recordingMode == "CONTROLLED").count >= 1);
    }

    [Fact]
    public async Task CreateExtension_Duplicate_ReturnsAlreadyExistsWithDocumentedMessage()
    {
        var client = _factory.CreateChannel();
        var token = (await client.RequestTokenAsync(new RequestTokenRequest { eid = "0000", loginName = TestServer.AdminLogin, password = TestServer.AdminPassword })).@return!.token;
        var request = new CreateExtensionRequest { token = token, extension = new Extension { eid = "0000", extension = "dup@example.com" } };

        await client.CreateExtensionAsync(request);
        var again = (await client.CreateExtensionAsync(request)).@return!;

        Assert.Equal("ERROR_ALREADY_EXISTS", again.statusCode);
        Assert.Equal("This extension already exists in the database: 0000:dup@example.com", again.message);
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
