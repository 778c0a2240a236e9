using Provisioning.Server.Tests.Infrastructure;
using G = Provisioning.Server.Tests.Infrastructure.Golden;

namespace Provisioning.Server.Tests.Golden;

/// <summary>The documented v3 transactions, replayed on the v3 endpoint and compared on the wire.</summary>
public sealed class V3GoldenTests : IAsyncLifetime
{
    private TestServer _server = null!;
    private SoapClient _v3 = null!;
    private string _token = null!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync();
        _v3 = _server.Client(3);
        _token = await _v3.TokenAsync();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task CreateExtension_VoiceIncomingOutgoing_AnswersOkAndStoresTheDirections()
    {
        var answer = await _v3.PostAsync(G.WithToken(G.Read("v3/createExtension.voice-incoming-outgoing.request.xml"), _token));

        G.AssertSame(G.Read("v3/createExtension.voice-incoming-outgoing.response.xml"), answer);
        var read = await _v3.CallAsync("getExtension", $"<token>{_token}</token><extension>verbatestuser3@verbalabs.com</extension>");
        var modality = read.Return!.Element("extension")!.Element("modalities")!.Elements("modalitiesForWS").Single();
        Assert.Equal("voice", modality.Element("id")!.Value);
        Assert.Equal(["1", "2"], modality.Elements("directionsForWS").Select(d => d.Element("id")!.Value));
    }

    [Fact]
    public async Task DeleteExtension_ByIdAndExtension_AnswersOkAndTheExtensionIsGone()
    {
        await Provision.ExtensionAsync(_v3, _token, "verbatestuser2@verbalabs.com", more: "<modalities/>");
        var read = await _v3.CallAsync("getExtension", $"<token>{_token}</token><extension>verbatestuser2@verbalabs.com</extension>");
        var id = read.Return!.Element("extension")!.Element("id")!.Value;
        var request = G.WithToken(G.Read("v3/deleteExtension.by-id-and-extension.request.xml"), _token).Replace("<id>20100</id>", $"<id>{id}</id>", StringComparison.Ordinal);

        G.AssertSame(G.Read("v3/deleteExtension.by-id-and-extension.response.xml"), await _v3.PostAsync(request));

        Assert.Equal("ERROR_NOT_FOUND", (await _v3.CallAsync("getExtension", $"<token>{_token}</token><extension>verbatestuser2@verbalabs.com</extension>")).StatusCode);
    }
}
