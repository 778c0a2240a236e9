using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>Every status path of the environment operations.</summary>
public sealed class EnvironmentOperationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    [Fact]
    public async Task CreateEnvironment_Valid_ReturnsTheEnvironment()
    {
        var eid = shared.RandomEid();

        var answer = await CreateAsync(await shared.AdminTokenAsync(), $"<eid>{eid}</eid><shortName>S{eid}</shortName><displayName>D</displayName><partitions>7</partitions>");

        Assert.Equal("OK", answer.StatusCode);
        var environment = answer.Return!.Element("environment")!;
        Assert.Equal([eid, $"S{eid}", "D", "7", "false"], new[] { "eid", "shortName", "displayName", "partitions", "inactive" }.Select(n => environment.Element(n)!.Value));
    }

    [Theory]
    [InlineData("<shortName>x</shortName>", "environment.eid is mandatory")]
    [InlineData("<eid>123</eid><shortName>x</shortName>", "environment.eid '123' is not valid")]
    [InlineData("<eid>12-4</eid><shortName>x</shortName>", "environment.eid '12-4' is not valid")]
    [InlineData("<eid>Z999</eid>", "environment.shortName is mandatory")]
    [InlineData("<eid>Z998</eid><shortName>x</shortName><ondemandMaxRowsInBufferPerUser>-1</ondemandMaxRowsInBufferPerUser>", "environment.ondemandMaxRowsInBufferPerUser '-1' is not valid")]
    public async Task CreateEnvironment_BadArgument_IllegalArgumentNamingTheField(string fields, string message)
    {
        var answer = await CreateAsync(await shared.AdminTokenAsync(), fields);

        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", answer.StatusCode);
        Assert.StartsWith(message, answer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEnvironment_WithoutEnvironment_IllegalArgument()
    {
        var answer = await _client.CallAsync("createEnvironment", $"<token>{await shared.AdminTokenAsync()}</token>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "environment is mandatory"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task CreateEnvironment_TakenEidOrShortName_AlreadyExists()
    {
        var token = await shared.AdminTokenAsync();
        var eid = shared.RandomEid();
        await CreateAsync(token, $"<eid>{eid}</eid><shortName>Taken{eid}</shortName>");

        var sameEid = await CreateAsync(token, $"<eid>{eid.ToLowerInvariant()}</eid><shortName>Other{eid}</shortName>");
        var sameName = await CreateAsync(token, $"<eid>{shared.RandomEid()}</eid><shortName>TAKEN{eid}</shortName>");

        Assert.Equal("ERROR_ALREADY_EXISTS", sameEid.StatusCode);
        Assert.Contains("eid", sameEid.Message, StringComparison.Ordinal);
        Assert.Equal("ERROR_ALREADY_EXISTS", sameName.StatusCode);
        Assert.Contains("shortName", sameName.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEnvironment_ByAdministrator_PermissionDenied()
    {
        var (_, token) = await shared.TenantAsync();

        var answer = await CreateAsync(token, $"<eid>{shared.RandomEid()}</eid><shortName>x</shortName>");

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task UpdateEnvironment_OwnByAdministrator_Ok()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("updateEnvironment", $"<token>{token}</token><environment><eid>{eid}</eid><shortName>Renamed{eid}</shortName><inactive>1</inactive></environment>");

        Assert.Equal("OK", answer.StatusCode);
        var read = await _client.CallAsync("getEnvironmentByShortName", $"<token>{token}</token><shortName>renamed{eid}</shortName>");
        Assert.Equal("true", read.Return!.Element("environment")!.Element("inactive")!.Value);
    }

    [Fact]
    public async Task UpdateEnvironment_Renamed_NextRequestsSeeTheNewName()
    {
        var (eid, token) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, token, "before-rename@x", eid);

        await _client.CallAsync("updateEnvironment", $"<token>{token}</token><environment><eid>{eid}</eid><shortName>New-{eid}</shortName></environment>");
        var answer = await _client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>{eid}</eid><environmentShortName>New-{eid}</environmentShortName><extension>after-rename@x</extension></extension>");

        Assert.Equal("OK", answer.StatusCode);
    }

    [Fact]
    public async Task UpdateEnvironment_Unknown_IllegalArgument()
    {
        var answer = await _client.CallAsync("updateEnvironment", $"<token>{await shared.AdminTokenAsync()}</token><environment><eid>ZZZZ</eid><shortName>x</shortName></environment>");

        Assert.Equal(("ERROR_ILLEGAL_ARGUMENT", "environment.eid 'ZZZZ' does not exist"), (answer.StatusCode, answer.Message));
    }

    [Fact]
    public async Task UpdateEnvironment_ShortNameOfAnother_AlreadyExists()
    {
        var (eid, _) = await shared.TenantAsync();

        var answer = await _client.CallAsync("updateEnvironment", $"<token>{await shared.AdminTokenAsync()}</token><environment><eid>{eid}</eid><shortName>Ref.</shortName></environment>");

        Assert.Equal("ERROR_ALREADY_EXISTS", answer.StatusCode);
    }

    [Fact]
    public async Task GetEnvironment_Unknown_NotFound()
    {
        var token = await shared.AdminTokenAsync();

        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getEnvironmentByEid", $"<token>{token}</token><eid>QQQQ</eid>")).StatusCode);
        Assert.Equal("ERROR_NOT_FOUND", (await _client.CallAsync("getEnvironmentByShortName", $"<token>{token}</token><shortName>no such</shortName>")).StatusCode);
        Assert.Equal("ERROR_ILLEGAL_ARGUMENT", (await _client.CallAsync("getEnvironmentByEid", $"<token>{token}</token>")).StatusCode);
    }

    [Fact]
    public async Task ListEnvironments_Administrator_SeesOnlyItsOwn()
    {
        var (eid, token) = await shared.TenantAsync();

        var answer = await _client.CallAsync("listEnvironments", $"<token>{token}</token><filter/>");

        Assert.Equal([eid], answer.Return!.Elements("environments").Select(e => e.Element("eid")!.Value));
    }

    [Fact]
    public async Task ListEnvironments_Filters_SubstringExactAndInactive()
    {
        var token = await shared.AdminTokenAsync();
        var eid = shared.RandomEid();
        await CreateAsync(token, $"<eid>{eid}</eid><shortName>Listed-{eid}</shortName><inactive>1</inactive>");

        var substring = await _client.CallAsync("listEnvironments", $"<token>{token}</token><filter><shortName>listed-{eid.ToLowerInvariant()}</shortName></filter>");
        var activeOnly = await _client.CallAsync("listEnvironments", $"<token>{token}</token><filter><eid>{eid}</eid><eidExact>1</eidExact><inactive>0</inactive></filter>");

        Assert.Equal([eid], substring.Return!.Elements("environments").Select(e => e.Element("eid")!.Value));
        Assert.Equal("ERROR_NOT_FOUND", activeOnly.StatusCode);
    }

    private async Task<SoapAnswer> CreateAsync(string token, string fields) =>
        await _client.CallAsync("createEnvironment", $"<token>{token}</token><environment>{fields}</environment>");
}
