using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// SIGKILL while many clients create and update extensions: after a restart every create that was answered OK is
/// there, every extension shows its last acknowledged update (or the one in flight at the kill), and the database
/// is consistent: SQLite's integrity check passes; on PostgreSQL, which the kill does not touch, no write of the killed
/// server is half there (each stored extension has its audit entry, each entry its extension).
/// PROVISIONING_CRASH_ROUNDS sets how many kills (default 2; the long form 5 or more).
/// </summary>
public sealed class CrashTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Clients = 16;
    private static int _updates;
    private static readonly string[] Modes = ["ON_DEMAND", "CONTROLLED", "FULL", "DO_NOT_RECORD"];

    [Fact]
    public async Task Sigkill_DuringConcurrentCreatesAndUpdates_LosesNoAcknowledgedChange()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PROVISIONING_CRASH_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 2;
        var directory = Path.Combine(Path.GetTempPath(), "provisioning-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var extensions = new ConcurrentDictionary<string, Tracked>();
        var settings = new Dictionary<string, string?> { ["Provisioning:MaxListResults"] = "1000000" };
        for (var round = 0; round < rounds; round++)
        {
            await using var server = await ServerProcess.StartAsync(directory, settings);
            using var http = new HttpClient();
            var client = new SoapClient(http, server.Url, 2);
            var token = await client.TokenAsync();
            await AssertAllAcknowledgedAsync(client, token, extensions);
            var before = extensions.Count;
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, Clients).Select(w => WorkAsync(client, token, $"r{round}w{w}", extensions, stop.Token)).ToArray();
            while (extensions.Count < before + 200 + Random.Shared.Next(400))
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
        await AssertAllAcknowledgedAsync(lastClient, await lastClient.TokenAsync(), extensions);
        output.WriteLine($"{rounds} kills survived; {extensions.Count} acknowledged creates and {_updates} acknowledged updates, none lost");
        await TestStore.DeleteAsync(directory);
    }

    /// <summary>Creates extensions and, every third step, updates one of this worker's acknowledged ones, until the server dies.</summary>
    private static async Task WorkAsync(SoapClient client, string token, string prefix, ConcurrentDictionary<string, Tracked> extensions, CancellationToken stop)
    {
        var mine = new List<Tracked>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            try
            {
                if (i % 3 == 2 && mine.Count > 0)
                {
                    var target = mine[i % mine.Count];
                    target.Pending = Modes[(Array.IndexOf(Modes, target.Acked) + 1) % Modes.Length];
                    var answer = await client.CallAsync("updateExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>{target.Address}</extension><recordingMode>{target.Pending}</recordingMode></extension>");
                    if (answer.StatusCode == "OK")
                    {
                        target.Acked = target.Pending;
                        Interlocked.Increment(ref _updates);
                    }
                    target.Pending = null;
                    continue;
                }
                var address = $"crash-{prefix}-{i}@x";
                var created = await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>{address}</extension></extension>");
                if (created.StatusCode == "OK")
                {
                    var tracked = new Tracked(address) { Acked = "FULL" };
                    mine.Add(tracked);
                    extensions[address] = tracked;
                }
            }
            catch (HttpRequestException)
            {
                return;
            }
        }
    }

    private static async Task AssertAllAcknowledgedAsync(SoapClient client, string token, ConcurrentDictionary<string, Tracked> extensions)
    {
        var answer = await client.CallAsync("listExtensions", $"<token>{token}</token><filter><extension>crash-</extension></filter>");
        var stored = answer.StatusCode == "OK"
            ? answer.Return!.Elements("extensions").ToDictionary(e => e.Element("extension")!.Value, e => e.Element("recordingMode")!.Value)
            : [];
        var lost = extensions.Values.Where(t => !stored.ContainsKey(t.Address)).Select(t => t.Address).ToArray();
        var wrong = extensions.Values.Where(t => stored.TryGetValue(t.Address, out var mode) && mode != t.Acked && mode != t.Pending)
            .Select(t => $"{t.Address}: {stored[t.Address]} (acknowledged {t.Acked})").ToArray();
        Assert.True(lost.Length == 0, $"{lost.Length} of {extensions.Count} acknowledged creates were lost, e.g. {string.Join(", ", lost.Take(5))}");
        Assert.True(wrong.Length == 0, $"{wrong.Length} acknowledged updates were lost, e.g. {string.Join(", ", wrong.Take(5))}");
        foreach (var tracked in extensions.Values)
        {
            tracked.Acked = stored[tracked.Address];
            tracked.Pending = null;
        }
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

    /// <summary>An extension a worker created: the last mode acknowledged, and the one being sent, if any.</summary>
    private sealed class Tracked(string address)
    {
        public string Address { get; } = address;

        public string Acked { get; set; } = "FULL";

        public string? Pending { get; set; }
    }
}
