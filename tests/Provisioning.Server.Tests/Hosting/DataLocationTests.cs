using System.Text.RegularExpressions;
using Npgsql;
using Provisioning.Server.Tests.Infrastructure;
using Provisioning.Tests.Shared;

namespace Provisioning.Server.Tests.Hosting;

/// <summary>
/// One rule for where the data is: a relative SQLite file is relative to the working directory for the server and the
/// command line alike, its folder is created when missing, and the server logs the absolute path.
/// </summary>
public sealed class DataLocationTests
{
    private static readonly Dictionary<string, string?> DefaultDatabase = new()
    {
        ["Provisioning:Storage:Provider"] = null,
        ["Provisioning:Storage:ConnectionString"] = null,
    };

    [Fact]
    public async Task ServerAndCli_RunFromOneFolderWithDefaults_OpenTheSameDatabase()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-location-").FullName;
        try
        {
            await using var server = await ServerProcess.StartAsync(directory, DefaultDatabase);
            using var http = new HttpClient();
            var client = new SoapClient(http, server.Url, 2);
            await Provision.ExtensionAsync(client, await client.TokenAsync(), "made-by-the-server@example.com");

            var (exitCode, output) = await RunCliAsync(directory, "extensions", "show", "0000", "made-by-the-server@example.com", "--json");
            var (_, status) = await RunCliAsync(directory, "status");

            var database = Path.Combine(directory, "provisioning.db");
            Assert.True(exitCode == 0, output);
            Assert.Contains("made-by-the-server@example.com", output, StringComparison.Ordinal);
            Assert.Matches($@"Storage Sqlite ready at schema version \d+: {Regex.Escape(database)}\n", server.Output);
            Assert.Contains($"Storage Sqlite at {database}, schema version", status, StringComparison.Ordinal);
        }
        finally
        {
            await TestStore.DeleteAsync(directory);
        }
    }

    [Fact]
    public async Task Start_SqliteFolderMissing_CreatesItAndLogsIt()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-location-").FullName;
        var database = Path.Combine(directory, "var", "lib", "provisioning.db");
        try
        {
            await using var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Provisioning:Storage:Provider"] = "Sqlite",
                ["Provisioning:Storage:ConnectionString"] = "Data Source=var/lib/provisioning.db",
            });

            Assert.True(File.Exists(database));
            Assert.Contains($"Created the missing folder {Path.GetDirectoryName(database)} of the SQLite database", server.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestStore.DeleteAsync(directory);
        }
    }

    [Fact]
    public async Task Start_SqliteFolderCannotBeCreated_ExitsWithOneLineNamingIt()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-location-").FullName;
        try
        {
            // A file where the folder should be: no user, root included, can create a folder beneath it.
            await File.WriteAllTextAsync(Path.Combine(directory, "blocked"), "");

            var (exitCode, output) = await ExternalProgram.RunAsync(
                "dotnet",
                [Path.Combine(AppContext.BaseDirectory, "Provisioning.Server.dll"), "--Provisioning:PortRangeStart=0", "--Provisioning:Management:Enabled=false",
                    "--Provisioning:Storage:Provider=Sqlite", "--Provisioning:Storage:ConnectionString=Data Source=blocked/sub/provisioning.db"],
                TimeSpan.FromMinutes(1),
                directory);

            Assert.Equal(1, exitCode);
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("provisioning: cannot start: ", line, StringComparison.Ordinal);
            Assert.Contains(Path.Combine(directory, "blocked", "sub"), line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Start_Postgres_LogsHostPortAndDatabaseNotThePasswordAndWritesThePasswordFileInTheWorkingDirectory()
    {
        var postgres = TestPostgres.Require();
        var name = $"provisioning_location_{Guid.NewGuid():N}";
        var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync(postgres, name));
        var directory = Directory.CreateTempSubdirectory("provisioning-location-").FullName;
        try
        {
            await using (var server = await ServerProcess.StartAsync(directory, new Dictionary<string, string?>
            {
                ["Provisioning:Storage:Provider"] = "Postgres",
                ["Provisioning:Storage:ConnectionString"] = connectionString.ConnectionString,
                ["Provisioning:Bootstrap:AdminPassword"] = null,
            }))
            {
                Assert.Contains($"PostgreSQL host {connectionString.Host}, port {connectionString.Port}, database {name}", server.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(connectionString.Password!, server.Output, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(directory, "initial-admin-password")));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
            await TestPostgres.DropDatabaseAsync(postgres, name);
        }
    }

    private static Task<(int ExitCode, string Output)> RunCliAsync(string directory, params string[] args) =>
        ExternalProgram.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "provisioning.dll"), .. args], TimeSpan.FromMinutes(1), directory);
}
