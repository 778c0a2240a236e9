using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// SIGKILL while many clients create extensions: every create that was answered OK is there after a restart, and the
/// database is consistent: SQLite's integrity check passes; on PostgreSQL, which the kill does not touch, no write of
/// the killed server is half there (each stored extension has its audit entry, each entry its extension).
/// PROVISIONING_CRASH_ROUNDS sets how many kills (default 2; the long form 5+).
/// </summary>
public sealed class CrashTests
{
    private const int Clients = 16;

    [Fact]
    public async Task Sigkill_DuringConcurrentCreates_LosesNoAcknowledgedWrite()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PROVISIONING_CRASH_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 2;
        var directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var acknowledged = new ConcurrentBag<string>();
        var settings = new Dictionary<string, string?> { ["Provisioning:MaxListResults"] = "1000000" };
        for (var round = 0; round < rounds; round++)
        {
            await using var server = await ServerProcess.StartAsync(directory, settings);
            using var http = new HttpClient();
            var client = new SoapClient(http, server.Url, 2);
            var token = await client.TokenAsync();
            await AssertAllPresentAsync(client, token, acknowledged);
            var okBefore = acknowledged.Count;
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Clients).Select(w => CreateUntilFailureAsync(client, token, $"r{round}w{w}", acknowledged, stop.Token)).ToArray();
            while (acknowledged.Count < okBefore + 200 + Random.Shared.Next(400))
            {
                await Task.Delay(5);
            }
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(workers);
            Assert.Equal("ok", await IntegrityCheckAsync(directory));
        }
        await using var last = await ServerProcess.StartAsync(directory, settings);
        using var lastHttp = new HttpClient();
        var lastClient = new SoapClient(lastHttp, last.Url, 2);
        await AssertAllPresentAsync(lastClient, await lastClient.TokenAsync(), acknowledged);
        await TestStore.DeleteAsync(directory);
    }

    private static async Task CreateUntilFailureAsync(SoapClient client, string token, string prefix, ConcurrentBag<string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var address = $"crash-{prefix}-{i}@x";
            try
            {
                var answer = await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>{address}</extension></extension>");
                if (answer.StatusCode == "OK")
                {
                    acknowledged.Add(address);
                }
            }
            catch (HttpRequestException)
            {
                return;
            }
        }
    }

    private static async Task AssertAllPresentAsync(SoapClient client, string token, ConcurrentBag<string> acknowledged)
    {
        var answer = await client.CallAsync("listExtensions", $"<token>{token}</token><filter><extension>crash-</extension></filter>");
        var stored = answer.StatusCode == "OK"
            ? answer.Return!.Elements("extensions").Select(e => e.Element("extension")!.Value).ToHashSet()
            : [];
        var lost = acknowledged.Where(a => !stored.Contains(a)).ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} of {acknowledged.Count} acknowledged creates were lost, e.g. {string.Join(", ", lost.Take(5))}");
    }

    private static async Task<string> IntegrityCheckAsync(string directory)
    {
        if (TestStore.IsPostgres)
        {
            await using var pg = new NpgsqlConnection(TestStore.ConnectionString(directory));
            await pg.OpenAsync();
            await using var halves = new NpgsqlCommand(
                "SELECT (SELECT COUNT(*) FROM extensions e WHERE e.address LIKE 'crash-%' AND NOT EXISTS "
                + "(SELECT 1 FROM audit_log a WHERE a.entity = 'extension' AND a.object_key = e.address AND a.before_json IS NULL)) "
                + "+ (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'extension' AND a.object_key LIKE 'crash-%' AND NOT EXISTS "
                + "(SELECT 1 FROM extensions e WHERE e.address = a.object_key))",
                pg);
            var count = (long)(await halves.ExecuteScalarAsync())!;
            return count == 0 ? "ok" : $"{count} extensions without their audit entry or audit entries without their extension";
        }
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "provisioning.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
