using System.ServiceModel;
using Provisioning.Server.Tests.Clients.Wcf;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Clients;

/// <summary>A real SOAP client (WCF, BasicHttpBinding: SOAP 1.1 over HTTP) against the server on Kestrel.</summary>
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
}
