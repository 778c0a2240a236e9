using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>What v3 adds (modalities, deleteExtension, getVersion), and one model seen from both versions.</summary>
public sealed class V3OperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _v2 = shared.Client;
    private readonly SoapClient _v3 = shared.Server.Client(3);

    [Fact]
    public async Task CreatedInV3_ReadInV2_VoiceIsTrueForOneDirection()
    {
        var (eid, token) = await shared.TenantAsync();
        await CreateV3Async(token, eid, "x3@v", Modality("voice", 1) + Modality("screen"));

        var v2 = await GetAsync(_v2, token, eid, "x3@v");

        Assert.Equal(["true", "false", "false", "true"], new[] { "voice", "video", "im", "screenCaptureEnabled" }.Select(n => v2.Element(n)!.Value));
    }

    [Fact]
    public async Task CreatedInV2_ReadInV3_ModalitiesHaveEveryDirection()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_v2, token, "x2@v", eid, "<video>1</video>");

        var v3 = await GetAsync(_v3, token, eid, "x2@v");

        var modalities = v3.Element("modalities")!.Elements("modalitiesForWS").ToList();
        Assert.Equal(["voice", "video"], modalities.Select(m => m.Element("id")!.Value));
        Assert.All(modalities, m => Assert.Equal(["1", "2", "3"], m.Elements("directionsForWS").Select(d => d.Element("id")!.Value)));
        Assert.Equal("x2@v", v3.Element("extensionId")!.Value);
        Assert.Null(v3.Element("voice"));
    }

    [Fact]
    public async Task UpdateInV2_OfV3Extension_KeepsDirectionsOfModalitiesLeftOn()
    {
        var (eid, token) = await shared.TenantAsync();
        await CreateV3Async(token, eid, "keep@v", Modality("voice", 1));

        var update = await _v2.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>keep@v</extension><voice>1</voice><im>1</im></extension>");

        Assert.Equal("OK", update.StatusCode);
        var modalities = (await GetAsync(_v3, token, eid, "keep@v")).Element("modalities")!.Elements("modalitiesForWS").ToDictionary(
            m => m.Element("id")!.Value, m => string.Join(",", m.Elements("directionsForWS").Select(d => d.Element("id")!.Value)));
        Assert.Equal(new Dictionary<string, string> { ["voice"] = "1", ["im"] = "1,2,3" }, modalities);
    }

    [Fact]
    public async Task DeleteInV3_ReadInV2_Gone()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_v2, token, "gone@v", eid);

        var delete = await _v3.CallAsync("deleteExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extensionId>GONE@v</extensionId></extension>");

        Assert.Equal("OK", delete.StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _v2.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>gone@v</extension>")).StatusCode);
    }

    [Theory]
    [InlineData("<extension><eid>{eid}</eid></extension>", "extension.id or extension.extensionId is mandatory")]
    [InlineData("<extension><eid>{eid}</eid><extensionId>none@v</extensionId></extension>", "extension.extensionId 'none@v' does not exist")]
    [InlineData("<extension><eid>{eid}</eid><id>999999</id></extension>", "extension.id '999999' does not exist")]
    public async Task DeleteExtension_NothingToDelete_IllegalArgument(string parameters, string message)
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _v3.CallAsync("deleteExtension", $"<token>{token}</token>" + parameters.Replace("{eid}", eid, StringComparison.Ordinal));

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", message), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task DeleteExtension_ByIdAlone_Deleted()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_v2, token, "by-id@v", eid);
        var id = (await GetAsync(_v2, token, eid, "by-id@v")).Element("id")!.Value;

        var delete = await _v3.CallAsync("deleteExtension", $"<token>{token}</token><extension><id>{id}</id></extension>");

        Assert.Equal("OK", delete.StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _v2.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>by-id@v</extension>")).StatusCode);
    }

    [Fact]
    public async Task UpdateExtension_ByIdAlone_ReplacesTheFields()
    {
        var (eid, token) = await shared.TenantAsync();
        await CreateV3Async(token, eid, "upd-id@v", Modality("voice", 1));
        var id = (await GetAsync(_v3, token, eid, "upd-id@v")).Element("id")!.Value;

        var update = await _v3.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><extensionId>upd-id@v</extensionId><modalities>{Modality("video", 2)}</modalities><recordingMode>ON_DEMAND</recordingMode></extension>");

        Assert.Equal("OK", update.StatusCode);
        var stored = await GetAsync(_v3, token, eid, "upd-id@v");
        Assert.Equal(["video"], stored.Element("modalities")!.Elements("modalitiesForWS").Select(m => m.Element("id")!.Value));
        Assert.Equal("ON_DEMAND", stored.Element("recordingMode")!.Value);
    }

    [Theory]
    [InlineData("deleteExtension", "<eid>{other}</eid>", "extension.id {id} does not belong to environment {other}")]
    [InlineData("deleteExtension", "<eid>{eid}</eid><extensionId>other@v</extensionId>", "extension.id {id} and extension.extensionId 'other@v' name different extensions")]
    [InlineData("deleteExtension", "<extensionId>other@v</extensionId>", "extension.id {id} and extension.extensionId 'other@v' name different extensions")]
    [InlineData("updateExtension", "<environmentShortName>env-{other}</environmentShortName><extensionId>mine@v</extensionId>", "extension.id {id} does not belong to environment {other}")]
    public async Task ById_DisagreeingEnvironmentOrAddress_IllegalArgumentNamingItAndNothingChanges(string operation, string more, string message)
    {
        var admin = await shared.AdminTokenAsync();
        var (eid, token) = await shared.TenantAsync();
        var (other, _) = await shared.TenantAsync();
        await CreateV3Async(token, eid, "mine@v", Modality("voice", 1));
        await CreateV3Async(token, eid, "other@v", Modality("voice", 1));
        var before = await GetAsync(_v3, token, eid, "mine@v");
        var id = before.Element("id")!.Value;
        string Fill(string text) => text.Replace("{eid}", eid, StringComparison.Ordinal).Replace("{other}", other, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal);

        var answer = await _v3.CallAsync(operation, $"<token>{admin}</token><extension><id>{id}</id>{Fill(more)}</extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", Fill(message)), (answer.StatusCode, answer.Message));
        Assert.Equal(before.ToString(), (await GetAsync(_v3, token, eid, "mine@v")).ToString());
        Assert.Equal("OK", (await _v3.CallAsync("getExtension", $"<token>{token}</token><extension>other@v</extension>")).StatusCode);
    }

    [Theory]
    [InlineData("deleteExtension")]
    [InlineData("updateExtension")]
    public async Task ByIdAlone_UnknownIdAsSystemAdministrator_IllegalArgumentNamingTheId(string operation)
    {
        var answer = await _v3.CallAsync(operation, $"<token>{await shared.AdminTokenAsync()}</token><extension><id>987654321</id><extensionId>x@v</extensionId></extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "extension.id '987654321' does not exist"), (answer.StatusCode, answer.Message));
    }

    [Theory]
    [InlineData("<modalitiesForWS><id>smell</id></modalitiesForWS>", "'smell' is not valid: known modalities are voice, video, im, screen")]
    [InlineData("<modalitiesForWS><directionsForWS><id>4</id></directionsForWS><id>voice</id></modalitiesForWS>", "'4' is not valid: known directions are 1 (incoming), 2 (outgoing), 3 (internal)")]
    [InlineData("<modalitiesForWS><directionsForWS><id>up</id></directionsForWS><id>voice</id></modalitiesForWS>", "'up' is not valid")]
    public async Task CreateExtension_UnknownModalityOrDirection_IllegalArgumentNamingAllowedValues(string modalities, string message)
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _v3.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extensionId>bad@v</extensionId><modalities>{modalities}</modalities></extension>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains(message, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetVersion_WithToken_Three()
    {
        var answer = await _v3.CallAsync("getVersion", $"<token>{await shared.AdminTokenAsync()}</token>");

        Assert.Equal(("OK", "3"), (answer.StatusCode, answer.Value("version")));
    }

    [Fact]
    public async Task Token_FromV2_WorksOnV3AndReleaseOnV3EndsIt()
    {
        var token = await _v2.TokenAsync();

        Assert.Equal("OK", (await _v3.CallAsync("getVersion", $"<token>{token}</token>")).StatusCode);
        Assert.Equal("OK", (await _v3.CallAsync("releaseToken", $"<token>{token}</token>")).StatusCode);
        Assert.Equal("ERROR_UNAUTHORIZED", (await _v2.CallAsync("getEnvironmentByEid", $"<token>{token}</token><eid>0000</eid>")).StatusCode);
    }

    [Fact]
    public async Task V2Endpoint_GetVersionOrDeleteExtension_NoDispatch()
    {
        var answer = await _v2.CallAsync("deleteExtension", "");

        Assert.Equal(("S:Client", "Cannot find dispatch method for {http://v2.provisioning.ws.web.verba.com/}deleteExtension"), (answer.FaultCode, answer.FaultString));
    }

    private static string Modality(string id, params int[] directions) =>
        "<modalitiesForWS>" + string.Concat(directions.Select(d => $"<directionsForWS><id>{d}</id></directionsForWS>")) + $"<id>{id}</id></modalitiesForWS>";

    private async Task CreateV3Async(string token, string eid, string address, string modalities)
    {
        var answer = await _v3.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extensionId>{address}</extensionId><modalities>{modalities}</modalities></extension>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
    }

    private static async Task<System.Xml.Linq.XElement> GetAsync(SoapClient client, string token, string eid, string address)
    {
        var answer = await client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>{address}</extension>");
        Assert.True(answer.StatusCode == "OK", answer.Body);
        return answer.Return!.Element("extension")!;
    }
}
