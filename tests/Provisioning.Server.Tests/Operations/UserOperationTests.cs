using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>Every status path of the user operations.</summary>
public sealed class UserOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateUser_Valid_ReturnsUserWithIdAndNoPassword()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>jane</loginName><displayName>Jane</displayName>"
            + $"<passwordHash>{Provision.Md5("s3cret")}</passwordHash><agentId></agentId><validFrom>2024-01-15T08:30:00Z</validFrom><roles>user</roles><roles>supervisor</roles><customs>c1</customs></user>");

        Assert.Equal("OK", answer.StatusCode);
        var user = answer.Return!.Element("user")!;
        Assert.True(long.Parse(user.Element("id")!.Value, System.Globalization.CultureInfo.InvariantCulture) > 1);
        Assert.Null(user.Element("passwordHash"));
        Assert.DoesNotContain(Provision.Md5("s3cret"), answer.Body, StringComparison.Ordinal);
        Assert.Equal(["user", "supervisor"], user.Elements("roles").Select(r => r.Value));
        Assert.Equal(("", "2024-01-15T08:30:00Z", "user_type_verba", eid), (user.Element("agentId")!.Value, user.Element("validFrom")!.Value, user.Element("userType")!.Value, user.Element("eid")!.Value));
    }

    [Theory]
    [InlineData("<eid>{eid}</eid>", "user.loginName is mandatory")]
    [InlineData("<eid>{eid}</eid><loginName>{long65}</loginName>", "user.loginName is too long: 65 characters, at most 64 are allowed")]
    [InlineData("<eid>{eid}</eid><loginName>a</loginName><email>{long129}</email>", "user.email is too long")]
    [InlineData("<eid>{eid}</eid><loginName>a</loginName><passwordHash>plain</passwordHash>", "user.passwordHash is not valid")]
    [InlineData("<eid>{eid}</eid><loginName>a</loginName><observerUserId>999999</observerUserId>", "user.observerUserId '999999' does not exist")]
    [InlineData("<eid>{eid}</eid><loginName>a</loginName><validFrom>2025-01-01T00:00:00Z</validFrom><validTo>2024-01-01T00:00:00Z</validTo>", "user.validTo must not be before user.validFrom")]
    [InlineData("<loginName>a</loginName>", "user.eid is mandatory")]
    public async Task CreateUser_BadArgument_IllegalArgumentNamingTheField(string fields, string message)
    {
        var (eid, token) = await shared.TenantAsync();
        fields = fields.Replace("{eid}", eid, StringComparison.Ordinal).Replace("{long65}", new string('l', 65), StringComparison.Ordinal)
            .Replace("{long129}", new string('e', 129), StringComparison.Ordinal);

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user>{fields}</user>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.StartsWith(message, answer.Message, StringComparison.Ordinal);
        Assert.Null(answer.Return!.Element("user"));
    }

    [Fact]
    public async Task CreateUser_LoginTakenOtherCase_AlreadyExists()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "Twin", eid);

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>TWIN</loginName></user>");

        Assert.Equal("ERROR_ALREADY_EXISTS", answer.StatusCode);
    }

    [Fact]
    public async Task CreateUser_ThirdEmbeddedExtensionExists_AlreadyExistsAndNothingStored()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "third@x", eid);

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>atomic</loginName>"
            + "<extensions><extension>first@x</extension></extensions><extensions><extension>second@x</extension></extensions><extensions><extension>THIRD@x</extension></extensions></user>");

        Assert.Equal(("ERROR_ALREADY_EXISTS", $"This extension already exists in the database: {eid}:THIRD@x"), (answer.StatusCode, answer.Message));
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>atomic</loginName><eid>{eid}</eid>")).StatusCode);
        var extensions = await _client.CallAsync("listExtensions", $"<token>{token}</token><filter><environmentFilter><eid>{eid}</eid></environmentFilter></filter>");
        Assert.Equal(["third@x"], extensions.Return!.Elements("extensions").Select(e => e.Element("extension")!.Value));
    }

    [Fact]
    public async Task CreateUser_AdministratorGrantsSystemAdministrator_PermissionDenied()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("createUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>elevated</loginName><roles>System Administrator</roles></user>");

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task UpdateUser_NewPassword_OldFailsNewWorks()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "rotating", eid, "<roles>Administrator</roles>", $"<passwordHash>{Provision.Md5("old")}</passwordHash>");

        var answer = await _client.CallAsync("updateUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>rotating</loginName><roles>Administrator</roles><passwordHash>{Provision.Md5("new")}</passwordHash></user>");

        Assert.Equal("OK", answer.StatusCode);
        Assert.Equal("ERROR_GENERAL", (await _client.CallAsync("requestToken", $"<eid>{eid}</eid><loginName>rotating</loginName><password>old</password>")).StatusCode);
        Assert.Equal("OK", (await _client.CallAsync("requestToken", $"<eid>{eid}</eid><loginName>rotating</loginName><password>new</password>")).StatusCode);
    }

    [Fact]
    public async Task UpdateUser_ById_RenamesAndReplacesLists()
    {
        var (eid, token) = await shared.TenantAsync();
        var id = await Provision.UserAsync(_client, token, "before", eid, "<roles>a</roles><roles>b</roles>", "<extensions><extension>kept@x</extension></extensions><extensions><extension>dropped@x</extension></extensions>");

        var answer = await _client.CallAsync("updateUser", $"<token>{token}</token><user><id>{id}</id><loginName>after</loginName><roles>c</roles><extensions><extension>kept@x</extension></extensions></user>");

        Assert.Equal("OK", answer.StatusCode);
        var user = answer.Return!.Element("user")!;
        Assert.Equal(("after", "c", "kept@x"), (user.Element("loginName")!.Value, user.Element("roles")!.Value, user.Element("extensions")!.Element("extension")!.Value));
        var dropped = await _client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>dropped@x</extension>");
        Assert.Equal("OK", dropped.StatusCode);
        Assert.Null(dropped.Return!.Element("extension")!.Element("user"));
    }

    [Fact]
    public async Task UpdateUser_Unknown_IllegalArgument()
    {
        var (eid, token) = await shared.TenantAsync();

        var byLogin = await _client.CallAsync("updateUser", $"<token>{token}</token><user><eid>{eid}</eid><loginName>ghost</loginName></user>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "user.loginName 'ghost' does not exist"), (byLogin.StatusCode, byLogin.Message));
    }

    [Fact]
    public async Task DeleteUser_Cases_AnswerByStatus()
    {
        var (eid, token) = await shared.TenantAsync();
        var id = await Provision.UserAsync(_client, token, "doomed", eid, more: "<extensions><extension>orphan@x</extension></extensions>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", (await _client.CallAsync("deleteUser", $"<token>{token}</token>")).StatusCode);
        Assert.Equal("OK", (await _client.CallAsync("deleteUser", $"<token>{token}</token><userId>{id}</userId>")).StatusCode);
        Assert.Equal("ERROR_UNAUTHORIZED", (await _client.CallAsync("deleteUser", $"<token>{token}</token><userId>{id}</userId>")).StatusCode);
        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", (await _client.CallAsync("deleteUser", $"<token>{await shared.AdminTokenAsync()}</token><userId>{id}</userId>")).StatusCode);
        var orphan = await _client.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>{eid}</eid></environmentFilter><extension>orphan@x</extension>");
        Assert.Equal("OK", orphan.StatusCode);
    }

    [Fact]
    public async Task DeleteUser_LastSystemAdministrator_Refused()
    {
        var admin = await shared.AdminTokenAsync();

        var answer = await _client.CallAsync("deleteUser", $"<token>{admin}</token><userId>1</userId>");

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.Contains("last", answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUserByLoginNameAndEnvironment_Cases_AnswerByStatus()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "found", eid);

        var byEid = await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>FOUND</loginName><eid>{eid}</eid>");
        var byShortName = await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>found</loginName><environmentShortName>env-{eid}</environmentShortName>");
        var missing = await _client.CallAsync("getUserByLoginNameAndEnvironment", $"<token>{token}</token><loginName>lost</loginName><eid>{eid}</eid>");

        Assert.Equal(("OK", "found"), (byEid.StatusCode, byEid.Return!.Element("user")!.Element("loginName")!.Value));
        Assert.Equal("OK", byShortName.StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", missing.StatusCode);
    }

    [Fact]
    public async Task ListUsers_Filters_SelectAndCount()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.UserAsync(_client, token, "carol", eid, more: "<externalId>EXT-1</externalId><extensions><extension>carol@x</extension></extensions>");
        await Provision.UserAsync(_client, token, "caroline", eid, more: "<locked>1</locked>");
        await Provision.UserAsync(_client, token, "dave", eid);
        var env = $"<environmentFilter><eid>{eid}</eid></environmentFilter>";

        Assert.Equal(["carol", "caroline"], await LoginsAsync(token, env + "<loginName>CAROL</loginName>"));
        Assert.Equal(["carol"], await LoginsAsync(token, env + "<loginName>carol</loginName><loginNameExact>1</loginNameExact>"));
        Assert.Equal(["carol"], await LoginsAsync(token, env + "<extension>carol@</extension>"));
        Assert.Equal(["carol"], await LoginsAsync(token, env + "<externalId>ext-1</externalId><externalIdExact>1</externalIdExact>"));
        Assert.Equal(["caroline"], await LoginsAsync(token, env + "<inactive>1</inactive>"));
        var count = await _client.CallAsync("listUsers", $"<token>{token}</token><filter>{env}<justCount>1</justCount></filter>");
        Assert.Equal(("4", 0), (count.Value("userCount"), count.Return!.Elements("users").Count()));
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("listUsers", $"<token>{token}</token><filter>{env}<loginName>nobody</loginName></filter>")).StatusCode);
    }

    private async Task<string[]> LoginsAsync(string token, string filter)
    {
        var answer = await _client.CallAsync("listUsers", $"<token>{token}</token><filter>{filter}</filter>");
        Assert.Equal("OK", answer.StatusCode);
        return answer.Return!.Elements("users").Select(u => u.Element("loginName")!.Value).ToArray();
    }
}
