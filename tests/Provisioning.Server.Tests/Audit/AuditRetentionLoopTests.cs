using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Resilience;
using Provisioning.Server.Audit;
using Provisioning.Storage.Sqlite;

namespace Provisioning.Server.Tests.Audit;

/// <summary>The server's retention schedule on a fake clock: at start, then each hour, what is past retention is archived and removed.</summary>
public sealed class AuditRetentionLoopTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("audit-retention-loop-").FullName;
    private SqliteProvisioningStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteProvisioningStore.Open($"Data Source={Path.Combine(_folder, "provisioning.db")}");
        await _store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_ClockMovesPastRetention_ArchivesAtStartAndAgainOnTheHourAfter()
    {
        var time = new FakeTimeProvider(T0.AddDays(10));
        var archive = Path.Combine(_folder, "archive");
        var options = new AuditOptions { Retention = TimeSpan.FromDays(7), ArchiveDirectory = archive };
        var observer = new Failures();
        await WriteAsync(T0, "OLD1");
        await WriteAsync(T0.AddDays(5), "MID1");
        using var loop = new AuditRetentionLoop(new AuditRetention(new AuditArchiver(_store), options, time), time, observer, NullLogger<AuditRetentionLoop>.Instance);

        await loop.StartAsync(CancellationToken.None);
        await UntilAsync(async () => (await LiveKeysAsync()).SequenceEqual(["MID1", AuditPrune.Key]));
        time.Advance(TimeSpan.FromDays(3));
        await UntilAsync(async () => (await LiveKeysAsync()).SequenceEqual([AuditPrune.Key, AuditPrune.Key]));
        await loop.StopAsync(CancellationToken.None);

        Assert.Empty(observer.Seen);
        Assert.Equal(2, AuditArchiveFile.In(archive).Count);
        Assert.True((await AuditLog.VerifyAsync(_store.Audit, CancellationToken.None)).Intact);
    }

    private async Task WriteAsync(DateTimeOffset at, string eid) =>
        Assert.True((await _store.Tenants.CreateAsync(new Tenant { Eid = eid, ShortName = "retention " + eid }, new AuditActor(at, "tester", null, "test"), CancellationToken.None)).IsOk);

    private async Task<string[]> LiveKeysAsync() =>
        [.. (await _store.Audit.ListAsync(new AuditQuery(), int.MaxValue, CancellationToken.None)).Select(e => e.Key)];

    /// <summary>The loop runs on its own task: waits (in real time, bounded) for what it should have done.</summary>
    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the retention loop did not get there");
            await Task.Delay(10);
        }
    }

    private sealed class Failures : IOutageObserver
    {
        public ConcurrentQueue<string> Seen { get; } = new();

        public void Failed(string part, Exception error) => Seen.Enqueue($"{part}: {error}");

        public void Recovered(string part, OutageEnded ended)
        {
        }
    }
}
