using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>
/// First start without a configured password (spec §4): the generated one goes to a file only the server's user may
/// read, the log names the file and never the password.
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task Start_EmptyDatabaseWithoutPassword_WritesItToAnOwnerOnlyFileThatLogsIn()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-first-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?> { ["Provisioning:Bootstrap:AdminPassword"] = null });
            var file = Path.Combine(directory, "initial-admin-password");
            var password = (await File.ReadAllTextAsync(file)).Trim();
            using var http = new HttpClient();

            var token = await new SoapClient(http, server.Url, 2).TokenAsync(TestServer.AdminLogin, password);

            Assert.NotEmpty(token);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
            Assert.Equal(20, password.Length);
            Assert.Contains($"is in {file}, readable only by this user", server.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(password, server.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestStore.DeleteAsync(directory);
        }
    }

    [Fact]
    public async Task Start_PasswordConfigured_WritesNoFile()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-first-").FullName;
        try
        {
            await using var server = await TestServer.StartAsync(directory: directory);

            Assert.Equal("OK", (await server.Client().CallAsync("requestToken", $"<eid>0000</eid><loginName>admin</loginName><password>{TestServer.AdminPassword}</password>")).StatusCode);
            Assert.False(File.Exists(Path.Combine(directory, "initial-admin-password")));
        }
        finally
        {
            await TestStore.DeleteAsync(directory);
        }
    }

    [Fact]
    public async Task Start_PasswordFileSet_WritesThereAndNotBesideTheDatabase()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-first-").FullName;
        var elsewhere = Path.Combine(directory, "secrets", "admin.txt");
        try
        {
            await using var server = await TestServer.StartAsync(
                new Dictionary<string, string?> { ["Provisioning:Bootstrap:AdminPassword"] = null, ["Provisioning:Bootstrap:PasswordFile"] = elsewhere },
                directory: directory);

            var password = (await File.ReadAllTextAsync(elsewhere)).Trim();
            Assert.NotEmpty(await server.Client().TokenAsync(TestServer.AdminLogin, password));
            Assert.False(File.Exists(Path.Combine(directory, "initial-admin-password")));
        }
        finally
        {
            await TestStore.DeleteAsync(directory);
        }
    }
}
