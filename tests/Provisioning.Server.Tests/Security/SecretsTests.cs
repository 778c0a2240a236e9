using System.Text;
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
        var files = Directory.GetFiles(server.Directory, "provisioning.db*").Select(f => Encoding.Latin1.GetString(ReadShared(f))).ToArray();

        Assert.NotEmpty(logs.Lines);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, logs.All, StringComparison.OrdinalIgnoreCase));
        Assert.All(secrets, secret => Assert.All(files, content => Assert.DoesNotContain(secret, content, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task ServerFault_CarriesCorrelationIdThatIsAlsoLogged_WithoutInternals()
    {
        var logs = new LogSink();
        await using var server = await TestServer.StartAsync(logs: logs);
        var client = server.Client();
        var token = await client.TokenAsync();
        BreakDatabase(server.DatabasePath);

        var answer = await client.CallAsync("getExtension", $"<token>{token}</token><extension>x@x</extension>");

        Assert.Equal((500, "S:Server"), (answer.HttpStatus, answer.FaultCode));
        var id = answer.FaultString!.Split("correlation id ")[1];
        Assert.Contains(logs.Lines, line => line.Contains("Server fault " + id, StringComparison.Ordinal) && line.Contains("SqliteException", StringComparison.Ordinal));
        Assert.DoesNotContain("Sqlite", answer.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(server.Directory, answer.Body, StringComparison.Ordinal);
    }

    /// <summary>Drops a table behind the server's back, so its next read of extensions fails inside the store.</summary>
    private static void BreakDatabase(string path)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE extensions;";
        command.ExecuteNonQuery();
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
