using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>Every status path of createExtension, updateExtension, getExtension and listExtensions.</summary>
public sealed class ExtensionOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateExtension_Omitted_DefaultsToFullVoiceOnly()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "defaults@x", eid);

        var e = await GetAsync(token, eid, "defaults@x");

        Assert.Equal(["FULL", "true", "false", "false", "false"], [e["recordingMode"], e["voice"], e["video"], e["im"], e["screenCaptureEnabled"]]);
    }

    [Theory]
    [InlineData("", "extension is mandatory")]
    [InlineData("<extension><eid>{eid}</eid></extension>", "extension.extension is mandatory")]
    [InlineData("<extension><extension>a@b</extension></extension>", "extension.eid is mandatory")]
    [InlineData("<extension><eid>{eid}</eid><extension>a@b</extension><user><id>999999</id></user></extension>", "extension.user.id '999999' does not exist")]
    [InlineData("<extension><eid>{eid}</eid><extension>a@b</extension><user></user></extension>", "extension.user.id is mandatory")]
    [InlineData("<extension><eid>{eid}</eid><environmentShortName>other</environmentShortName><extension>a@b</extension></extension>", "name different environments")]
    public async Task CreateExtension_BadArgument_IllegalArgumentNamingTheField(string children, string message)
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token>" + children.Replace("{eid}", eid, StringComparison.Ordinal));

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains(message, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateExtension_TooLong_IllegalArgumentAndNothingStored()
    {
        var (eid, token) = await shared.TenantAsync();
        var address = new string('a', 256);

        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>{address}</extension></extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "extension.extension is too long: 256 characters, at most 255 are allowed"), (answer.StatusCode, answer.Message));
        Assert.Equal("ERROR_NOT_FOUND", (await ListAsync(token, eid)).StatusCode);
    }

    [Fact]
    public async Task CreateExtension_SameAddressOtherCase_AlreadyExists()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "Case@Example.com", eid);

        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>case@example.COM</extension></extension>");

        Assert.Equal(("ERROR_ALREADY_EXISTS", $"This extension already exists in the database: {eid}:case@example.COM"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task CreateExtension_SameAddressOtherEnvironment_Ok()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, await shared.AdminTokenAsync(), "shared@x", "0000");

        await Provision.ExtensionAsync(_client, token, "shared@x", eid);
    }

    [Fact]
    public async Task CreateExtension_UserOfAnotherEnvironment_IllegalArgument()
    {
        var (eid, token) = await shared.TenantAsync();
        var foreignUser = await Provision.UserAsync(_client, await shared.AdminTokenAsync(), Provision.Unique("foreign"));

        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>x@y</extension><user><id>{foreignUser}</id></user></extension>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
    }

    [Theory]
    [InlineData("<im>maybe</im>", "extension.im", "maybe")]
    [InlineData("<recordingMode>SOMETIMES</recordingMode>", "extension.recordingMode", "SOMETIMES")]
    [InlineData("<user><id>x</id></user>", "extension.user.id", "'x'")]
    public async Task CreateExtension_ValueThatDoesNotParse_ClientFaultAndNothingStored(string child, string field, string value)
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>bad@x</extension>{child}</extension>");

        Assert.Equal((500, "S:Client"), (answer.HttpStatus, answer.FaultCode));
        Assert.Contains(field, answer.FaultString, StringComparison.Ordinal);
        Assert.Contains(value, answer.FaultString, StringComparison.Ordinal);
        Assert.Equal("ERROR_NOT_FOUND", (await ListAsync(token, eid)).StatusCode);
    }

    [Fact]
    public async Task UpdateExtension_Unknown_IllegalArgument()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>nobody@x</extension></extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "extension.extension 'nobody@x' does not exist"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task UpdateExtension_WithoutUser_RemovesTheLink()
    {
        var (eid, token) = await shared.TenantAsync();
        var user = await Provision.UserAsync(_client, token, "linked", eid);
        await Provision.ExtensionAsync(_client, token, "link@x", eid, $"<user><id>{user}</id></user>");

        var answer = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>link@x</extension><video>1</video></extension>");

        Assert.Equal("OK", answer.StatusCode);
        var e = await GetAsync(token, eid, "link@x");
        Assert.False(e.ContainsKey("user"));
        Assert.Equal("true", e["video"]);
    }

    [Fact]
    public async Task UpdateExtension_ById_RenamesAndRefusesTakenAddress()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "old@x", eid);
        await Provision.ExtensionAsync(_client, token, "taken@x", eid);
        var id = (await GetAsync(token, eid, "old@x"))["id"];

        var renamed = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><eid>{eid}</eid><extension>new@x</extension></extension>");
        var collision = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><eid>{eid}</eid><extension>TAKEN@x</extension></extension>");

        Assert.Equal("OK", renamed.StatusCode);
        Assert.Equal(id, (await GetAsync(token, eid, "new@x"))["id"]);
        Assert.Equal("ERROR_ALREADY_EXISTS", collision.StatusCode);
    }

    [Fact]
    public async Task UpdateExtension_ByIdAlone_ReplacesTheFieldsAndMayRename()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "alone@x", eid);
        var id = (await GetAsync(token, eid, "alone@x"))["id"];

        var answer = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><extension>alone-renamed@x</extension><recordingMode>CONTROLLED</recordingMode><video>1</video></extension>");

        Assert.Equal("OK", answer.StatusCode);
        var e = await GetAsync(token, eid, "alone-renamed@x");
        Assert.Equal([id, eid, "CONTROLLED", "true"], [e["id"], e["eid"], e["recordingMode"], e["video"]]);
    }

    [Fact]
    public async Task UpdateExtension_ByIdAloneToAnotherExtensionsAddress_AlreadyExistsAndNothingChanges()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "first@x", eid);
        await Provision.ExtensionAsync(_client, token, "second@x", eid);
        var id = (await GetAsync(token, eid, "first@x"))["id"];

        var answer = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><extension>Second@x</extension><video>1</video></extension>");

        Assert.Equal(("ERROR_ALREADY_EXISTS", $"This extension already exists in the database: {eid}:Second@x"), (answer.StatusCode, answer.Message));
        Assert.Equal("false", (await GetAsync(token, eid, "first@x"))["video"]);
    }

    [Fact]
    public async Task UpdateExtension_IdAndEnvironmentOfAnother_IllegalArgumentNamingTheDisagreement()
    {
        var admin = await shared.AdminTokenAsync();
        var (eid, token) = await shared.TenantAsync();
        var (other, _) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "placed@x", eid);
        var id = (await GetAsync(token, eid, "placed@x"))["id"];

        var answer = await _client.CallAsync("updateExtension", $"<token>{admin}</token><extension><id>{id}</id><eid>{other}</eid><extension>placed@x</extension><video>1</video></extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", $"extension.id {id} does not belong to environment {other}"), (answer.StatusCode, answer.Message));
        Assert.Equal("false", (await GetAsync(token, eid, "placed@x"))["video"]);
    }

    [Fact]
    public async Task UpdateExtension_ByIdAloneWithoutAddress_IllegalArgumentAddressMandatory()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "kept@x", eid);
        var id = (await GetAsync(token, eid, "kept@x"))["id"];

        var answer = await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><id>{id}</id><video>1</video></extension>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "extension.extension is mandatory"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task GetExtension_AfterAWrite_NeverServesWhatWasReadBefore()
    {
        var (eid, token) = await shared.TenantAsync();
        var user = await Provision.UserAsync(_client, token, "reader", eid, more: "<displayName>Before</displayName>");
        await Provision.ExtensionAsync(_client, token, "read-twice@x", eid, $"<user><id>{user}</id></user>");
        Assert.Equal("Before", (await GetAsync(token, eid, "read-twice@x"))["user"]);

        await _client.CallAsync("updateUser", $"<token>{token}</token><user><id>{user}</id><loginName>reader</loginName><displayName>After</displayName><extensions><extension>read-twice@x</extension></extensions></user>");
        var afterUserChange = await GetAsync(token, eid, "read-twice@x");
        await _client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>{eid}</eid><extension>read-twice@x</extension><video>1</video></extension>");
        var afterExtensionChange = await GetAsync(token, eid, "read-twice@x");

        Assert.Equal("After", afterUserChange["user"]);
        Assert.Equal(("true", false), (afterExtensionChange["video"], afterExtensionChange.ContainsKey("user")));
    }

    [Fact]
    public async Task GetExtension_Unknown_NotFound()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>none@x</extension>");

        Assert.Equal("ERROR_NOT_FOUND", answer.StatusCode);
        Assert.Null(answer.Return!.Element("extension"));
    }

    [Fact]
    public async Task GetExtension_WithoutExtension_IllegalArgument()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "extension is mandatory"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task ListExtensions_Filters_SelectByAddressAndUser()
    {
        var (eid, token) = await shared.TenantAsync();
        var user = await Provision.UserAsync(_client, token, "owner", eid);
        await Provision.ExtensionAsync(_client, token, "alpha@x", eid, $"<user><id>{user}</id></user>");
        await Provision.ExtensionAsync(_client, token, "beta@x", eid);
        await Provision.ExtensionAsync(_client, token, "alphabet@x", eid);

        var bySubstring = await ListAsync(token, eid, "<extension>ALPHA</extension>");
        var exact = await ListAsync(token, eid, "<extension>alpha@x</extension><extensionExact>1</extensionExact>");
        var byUser = await ListAsync(token, eid, $"<userId>{user}</userId>");

        Assert.Equal(["alpha@x", "alphabet@x"], Addresses(bySubstring));
        Assert.Equal(["alpha@x"], Addresses(exact));
        Assert.Equal(["alpha@x"], Addresses(byUser));
    }

    [Fact]
    public async Task ListExtensions_MoreThanMaxListResults_TooManyResult()
    {
        var (eid, token) = await shared.TenantAsync();
        for (var i = 0; i < 51; i++)
        {
            await Provision.ExtensionAsync(_client, token, $"many{i}@x", eid);
        }

        var answer = await ListAsync(token, eid);

        Assert.Equal("ERROR_TOO_MANY_RESULT", answer.StatusCode);
        Assert.Empty(answer.Return!.Elements("extensions"));
    }

    private Task<SoapAnswer> ListAsync(string token, string eid, string? criteria = null) =>
        _client.CallAsync("listExtensions", $"<token>{token}</token><filter><environmentFilter><eid>{eid}</eid><eidExact>1</eidExact></environmentFilter>{criteria}</filter>");

    private static string[] Addresses(SoapAnswer answer) =>
        answer.Return!.Elements("extensions").Select(e => e.Element("extension")!.Value).ToArray();

    private async Task<Dictionary<string, string>> GetAsync(string token, string eid, string address)
    {
        var answer = await _client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid><eidExact>1</eidExact></environmentFilter><extension>{address}</extension>");
        Assert.Equal("OK", answer.StatusCode);
        // A user's own fields are flattened into its display name, enough for these checks.
        return answer.Return!.Element("extension")!.Elements().ToDictionary(
            e => e.Name.LocalName,
            e => e.Name.LocalName == "user" ? e.Element("displayName")?.Value ?? e.Value : e.Value);
    }
}
