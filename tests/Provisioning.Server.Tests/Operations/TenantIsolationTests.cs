using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Operations;

/// <summary>For every operation: an Administrator of environment A can neither read nor change environment B.</summary>
public sealed class TenantIsolationTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private readonly SoapClient _client = shared.Client;

    public static TheoryData<string, string> Reaches() => new()
    {
        { "updateEnvironment", "<environment><eid>{B}</eid><shortName>stolen</shortName></environment>" },
        { "getEnvironmentByEid", "<eid>{B}</eid>" },
        { "getEnvironmentByShortName", "<shortName>env-{B}</shortName>" },
        { "createUser", "<user><eid>{B}</eid><loginName>intruder</loginName></user>" },
        { "updateUser", "<user><id>{userB}</id><loginName>renamed</loginName></user>" },
        { "updateUser", "<user><eid>{B}</eid><loginName>victim</loginName></user>" },
        { "deleteUser", "<userId>{userB}</userId>" },
        { "getUserByLoginNameAndEnvironment", "<loginName>victim</loginName><eid>{B}</eid>" },
        { "listUsers", "<filter><environmentFilter><eid>{B}</eid><eidExact>1</eidExact></environmentFilter></filter>" },
        { "createExtension", "<extension><eid>{B}</eid><extension>new@b</extension></extension>" },
        { "updateExtension", "<extension><eid>{B}</eid><extension>b@b</extension></extension>" },
        { "getExtension", "<environmentFilter><eid>{B}</eid><eidExact>1</eidExact></environmentFilter><extension>b@b</extension>" },
        { "listExtensions", "<filter><environmentFilter><eid>{B}</eid><eidExact>1</eidExact></environmentFilter></filter>" },
        { "createGroup", "<group><eid>{B}</eid><name>intruders</name></group>" },
        { "updateGroup", "<group><id>{groupB}</id><name>renamed</name></group><updateUsers>1</updateUsers>" },
        { "deleteGroup", "<groupId>{groupB}</groupId>" },
        { "getGroupByNameAndEnvironment", "<name>Team B</name><eid>{B}</eid>" },
        { "listGroups", "<filter><environmentFilter><eid>{B}</eid><eidExact>1</eidExact></environmentFilter></filter>" },
    };

    [Fact]
    public async Task DeleteExtensionV3_OnAnotherEnvironment_PermissionDeniedAndNothingChanges()
    {
        var (_, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, tokenB, "b@b", eidB);

        var answer = await shared.Server.Client(3).CallAsync("deleteExtension", $"<token>{tokenA}</token><extension><eid>{eidB}</eid><extensionId>b@b</extensionId></extension>");

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
        Assert.Equal("OK", (await _client.CallAsync("getExtension", $"<token>{tokenB}</token><extension>b@b</extension>")).StatusCode);
    }

    [Theory]
    [InlineData(2, "updateExtension", "<extension><id>{id}</id><extension>b@b</extension><video>1</video></extension>", "ERROR_UNAUTHORIZED", "Permission denied.")]
    [InlineData(3, "updateExtension", "<extension><id>{id}</id><extensionId>b@b</extensionId></extension>", "ERROR_UNAUTHORIZED", "Permission denied.")]
    [InlineData(3, "deleteExtension", "<extension><id>{id}</id></extension>", "ERROR_UNAUTHORIZED", "Permission denied.")]
    [InlineData(3, "deleteExtension", "<extension><id>{id}</id><eid>{A}</eid></extension>", "ERROR_ILLEGAL_ARGUMENT", "extension.id '{id}' does not exist")]
    public async Task ExtensionById_OfAnotherEnvironmentOrNonexistent_SameRefusalAndNothingChanges(int version, string operation, string parameters, string status, string message)
    {
        var (eidA, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, tokenB, "b@b", eidB);
        var idB = (await _client.CallAsync("getExtension", $"<token>{tokenB}</token><extension>b@b</extension>")).Return!.Element("extension")!.Element("id")!.Value;
        var before = await SnapshotAsync(tokenB, eidB);
        var client = shared.Server.Client(version);
        string Fill(string text, string id) => text.Replace("{id}", id, StringComparison.Ordinal).Replace("{A}", eidA, StringComparison.Ordinal);

        var theirs = await client.CallAsync(operation, $"<token>{tokenA}</token>" + Fill(parameters, idB));
        var none = await client.CallAsync(operation, $"<token>{tokenA}</token>" + Fill(parameters, "987654321"));

        Assert.Equal((status, Fill(message, idB)), (theirs.StatusCode, theirs.Message));
        Assert.Equal((status, Fill(message, "987654321")), (none.StatusCode, none.Message));
        Assert.DoesNotContain(eidB, theirs.Body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(tokenB, eidB));
    }

    [Theory]
    [MemberData(nameof(Reaches))]
    public async Task Operation_OnAnotherEnvironment_PermissionDeniedAndNothingChanges(string operation, string parameters)
    {
        var (_, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        var userB = await Provision.UserAsync(_client, tokenB, "victim", eidB);
        await Provision.ExtensionAsync(_client, tokenB, "b@b", eidB, $"<user><id>{userB}</id></user>");
        var groupB = await Provision.GroupAsync(_client, tokenB, eidB, "Team B");
        var before = await SnapshotAsync(tokenB, eidB);

        var answer = await _client.CallAsync(operation, $"<token>{tokenA}</token>" + parameters.Replace("{B}", eidB, StringComparison.Ordinal)
            .Replace("{userB}", userB.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{groupB}", groupB.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(("ERROR_UNAUTHORIZED", "Permission denied."), (answer.StatusCode, answer.Message));
        Assert.DoesNotContain(eidB, answer.Body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(tokenB, eidB));
    }

    [Fact]
    public async Task ListWithoutFilter_Administrator_SeesOnlyItsOwnEnvironment()
    {
        var (eidA, tokenA) = await shared.TenantAsync();
        var (eidB, tokenB) = await shared.TenantAsync();
        await Provision.ExtensionAsync(_client, tokenA, "mine@a", eidA);
        await Provision.ExtensionAsync(_client, tokenB, "theirs@b", eidB);

        var extensions = await _client.CallAsync("listExtensions", $"<token>{tokenA}</token><filter/>");
        var users = await _client.CallAsync("listUsers", $"<token>{tokenA}</token><filter/>");

        Assert.Equal(["mine@a"], extensions.Return!.Elements("extensions").Select(e => e.Element("extension")!.Value));
        Assert.All(users.Return!.Elements("users"), u => Assert.Equal(eidA, u.Element("eid")!.Value));
    }

    private async Task<string> SnapshotAsync(string token, string eid)
    {
        var environment = await _client.CallAsync("getEnvironmentByEid", $"<token>{token}</token><eid>{eid}</eid>");
        var users = await _client.CallAsync("listUsers", $"<token>{token}</token><filter/>");
        var extensions = await _client.CallAsync("listExtensions", $"<token>{token}</token><filter/>");
        var groups = await _client.CallAsync("listGroups", $"<token>{token}</token><filter/>");
        return environment.Body + users.Body + extensions.Body + groups.Body;
    }
}
