using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Security;

/// <summary>Tokens and passwords appear neither in any log line (at the most verbose level) nor in the database files.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task KnownTokenAndPassword_NotInLogsNorDatabaseFiles()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        var client = server.Client();
        const string password = "Correct-Horse-Battery-Staple-42";
        var admin = await client.TokenAsync();
        await Provision.UserAsync(client, admin, "keeper", roles: "<roles>Administrator</roles>", more: $"<passwordHash>{Provision.Md5(password)}</passwordHash>");
        var token = await client.TokenAsync("keeper", password);
        await Provision.ExtensionAsync(client, token, "kept@x");
        await client.CallAsync("requestToken", "<eid>0000</eid><loginName>keeper</loginName><password>wrong-password-also-secret</password>");
        await client.CallAsync("releaseToken", $"<token>{token}</token>");
        await client.CallAsync("getExtension", $"<token>{token}</token><extension>kept@x</extension>");

        var secrets = new[] { token, admin, password, Provision.Md5(password), "wrong-password-also-secret", TestServer.AdminPassword };
        var stored = await TestStore.DumpAsync(server.Directory);

        Assert.NotEmpty(logs.Lines);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs.All, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("kept@x", stored, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ServerFault_CarriesCorrelationIdThatIsAlsoLogged_WithoutInternals()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        var client = server.Client();
        var token = await client.TokenAsync();
        await TestStore.BreakAsync(server.Directory);

        var answer = await client.CallAsync("getExtension", $"<token>{token}</token><extension>x@x</extension>");

        Assert.Equal((500, "S:Server"), (answer.HttpStatus, answer.FaultCode));
        var id = answer.FaultString!.Split("correlation id ")[1];
        Assert.Contains(logs.Lines, line => line.Contains("Server fault " + id, StringComparison.Ordinal) && line.Contains("Exception", StringComparison.Ordinal));
        Assert.DoesNotContain("Sqlite", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Npgsql", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(server.Directory, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerFault_Repeated_LogsItsCorrelationIdOnOneLineWithoutATrace()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        var client = server.Client();
        var token = await client.TokenAsync();
        await TestStore.BreakAsync(server.Directory);
        await client.CallAsync("getExtension", $"<token>{token}</token><extension>x@x</extension>");

        var again = await client.CallAsync("getExtension", $"<token>{token}</token><extension>x@x</extension>");

        var id = again.FaultString!.Split("correlation id ")[1];
        var line = Assert.Single(logs.Lines, line => line.Contains("Server fault " + id, StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.Single(logs.Lines, line => line.Contains("Server fault", StringComparison.Ordinal) && line.Contains("   at ", StringComparison.Ordinal));
    }
}
