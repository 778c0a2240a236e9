using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>What was written before a restart is there after it, tokens included; bootstrap does not run twice.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_DataWrittenBefore_IsThereAfter()
    {
        var directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
        var first = await TestServer.StartAsync(directory: directory);
        var client = first.Client();
        var token = await client.TokenAsync();
        await Provision.EnvironmentAsync(client, token, "R001", "Restarted");
        var userId = await Provision.UserAsync(client, token, "survivor", "R001", "<roles>Operator</roles>");
        await Provision.ExtensionAsync(client, token, "survivor@x", "R001", $"<user><id>{userId}</id></user><video>1</video>");
        await first.StopAsync();

        await using var second = await TestServer.StartAsync(new Dictionary<string, string?> { ["Provisioning:Bootstrap:AdminPassword"] = "ignored-after-bootstrap" }, directory: directory);
        var again = second.Client();

        var extension = await again.CallAsync("getExtension", $"<token>{token}</token><environmentFilter><eid>R001</eid></environmentFilter><extension>survivor@x</extension>");
        Assert.Equal("OK", extension.StatusCode);
        var e = extension.Return!.Element("extension")!;
        Assert.Equal(("true", "survivor", "Operator"), (e.Element("video")!.Value, e.Element("user")!.Element("loginName")!.Value, e.Element("user")!.Element("roles")!.Value));
        Assert.Equal("OK", (await again.CallAsync("requestToken", $"<eid>0000</eid><loginName>admin</loginName><password>{TestServer.AdminPassword}</password>")).StatusCode);
        Assert.Equal("ERROR_GENERAL", (await again.CallAsync("requestToken", "<eid>0000</eid><loginName>admin</loginName><password>ignored-after-bootstrap</password>")).StatusCode);
        await TestStore.DeleteAsync(directory);
    }
}
