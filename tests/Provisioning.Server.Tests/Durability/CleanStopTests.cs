using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// A clean stop (SIGTERM, as a supervisor sends) checkpoints the WAL: provisioning.db alone is then the whole database,
/// so copying or restoring that one file loses nothing.
/// </summary>
public sealed class CleanStopTests
{
    [Fact]
    public async Task Sigterm_AfterWrites_LeavesNoWalAndTheFileAloneHoldsEveryRow()
    {
        var directory = Directory.CreateTempSubdirectory("provisioning-stop-").FullName;
        var database = Path.Combine(directory, "provisioning.db");
        var settings = new Dictionary<string, string?> { ["Provisioning:Storage:Provider"] = "Sqlite", ["Provisioning:Storage:ConnectionString"] = $"Data Source={database}" };
        var prefix = Provision.Unique("stop");
        await using (var server = await ServerProcess.StartAsync(directory, settings))
        {
            using var http = new HttpClient();
            var client = new SoapClient(http, server.Url, 2);
            var token = await client.TokenAsync();
            await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Provision.ExtensionAsync(client, token, $"{prefix}-{i}@x")));

            Assert.Equal(0, await server.StopAsync());
        }

        var wal = new FileInfo(database + "-wal");
        var walBytes = wal.Exists ? wal.Length : 0;
        Assert.True(walBytes == 0, $"the WAL has {walBytes} bytes after a clean stop");
        var copy = Directory.CreateTempSubdirectory("provisioning-stop-copy-").FullName;
        File.Copy(database, Path.Combine(copy, "provisioning.db"));
        Assert.Equal(50, SqliteFiles.Addresses(Path.Combine(copy, "provisioning.db"), prefix).Count);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        Directory.Delete(copy, recursive: true);
    }
}
