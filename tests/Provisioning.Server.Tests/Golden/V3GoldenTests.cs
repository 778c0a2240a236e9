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

    [Fact]
    public async Task CreateStoragePolicy_ExportPolicy_AnswersOkWithTheStoredPolicyAndItsFolder()
    {
        var folder = await _v3.CallAsync("createStorageFolder", $"<token>{_token}</token><storageFolder><eid>0000</eid><name>Exports</name><path>/srv/exports</path></storageFolder>");
        var folderId = folder.Return!.Element("storageFolder")!.Element("id")!.Value;
        var request = G.WithToken(G.Read("v3/createStoragePolicy.export-policy.request.xml"), _token)
            .Replace("<id>2</id>", $"<id>{folderId}</id>", StringComparison.Ordinal);

        var answer = await _v3.PostAsync(request);

        var id = answer.Return!.Element("storagePolicy")!.Element("id")!.Value;
        // No response is documented: this is the shape spec §8 decides, in property order, the folder answered whole.
        var expected = "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body><ns2:createStoragePolicyResponse xmlns:ns2=\"http://v3.provisioning.ws.web.verba.com/\">"
            + "<return><status><statusCode>OK</statusCode></status><storagePolicy><action>export</action><callFilter>WHERE section.owner_eid = '0000'</callFilter>"
            + "<customSql>false</customSql><decrypt>true</decrypt><eid>0000</eid><enabled>true</enabled><engineId></engineId><environmentShortName>Ref.</environmentShortName>"
            + $"<firstTranscode>false</firstTranscode><format></format><id>{id}</id><keepCdr>true</keepCdr><languageId></languageId><moveToRecycleBin>false</moveToRecycleBin>"
            + "<name>Test Data Retention</name><olderThanMinutes>0</olderThanMinutes><olderThanYears>0</olderThanYears><onlyForArchived>false</onlyForArchived><priority>33</priority>"
            + $"<storageFolder><eid>0000</eid><enabled>true</enabled><environmentShortName>Ref.</environmentShortName><id>{folderId}</id><name>Exports</name><path>/srv/exports</path><type>local</type></storageFolder>"
            + "</storagePolicy></return></ns2:createStoragePolicyResponse></S:Body></S:Envelope>";
        G.AssertSame(expected, answer);
        Assert.Equal("OK", (await _v3.CallAsync("getStoragePolicyByName", $"<token>{_token}</token><name>Test Data Retention</name><eid>0000</eid>")).StatusCode);
    }
}
