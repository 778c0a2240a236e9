using System.Collections.Concurrent;
using System.Diagnostics;
using Provisioning.Core.Model;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>
/// What a write costs in round trips to PostgreSQL, counted from Npgsql's own trace: one traced command or batch is one
/// round trip (the transaction's BEGIN travels with the first), and the commit, not traced, one more. Statements whose
/// answer a write does not need (audit row, configuration change, notification) go together in one batch.
/// </summary>
public sealed class PostgresRoundTripTests(PostgresStoreFixture fixture) : IClassFixture<PostgresStoreFixture>, IDisposable
{
    // The change feed runs on its own connection, whatever the test does: its LISTEN (which a loaded machine may send
    // only after the store is back to the test) and its heartbeat.
    private const string HeartbeatQuery = "SELECT 'provisioning change feed'";
    private readonly ConcurrentQueue<Activity> _commands = new();
    private readonly ActivityListener _listener = new();

    [SkippableFact]
    public async Task CreateExtension_WithAuditConfigurationChangeAndNotification_TakesTwoCommandsBeforeItsCommit()
    {
        await using var store = await fixture.CreateStoreAsync();
        // Once the change feed listens: taking hold, it drops what the caches held, and reads would follow.
        await Eventually.HoldsAsync(() => Task.FromResult(store.HearsChanges));
        Assert.True(store.HearsChanges, $"the change feed did not start listening within {Eventually.Patience.TotalSeconds} s");
        var actor = Caller.System.ActorAt(DateTimeOffset.UtcNow);
        var tenant = (await store.Tenants.CreateAsync(new Tenant { Eid = "rt01", ShortName = "round-trips" }, actor, CancellationToken.None)).Value!;
        Listen();

        var created = await store.Extensions.CreateAsync(
            new ExtensionWrite(tenant.Id, "rt@example.com", RecordingMode.Full, MediaChange.Exactly(RecordedMedia.VoiceOnly), null) { Tenant = tenant.Ref }, actor, CancellationToken.None);
        _listener.Dispose();

        Assert.Equal(WriteStatus.Ok, created.Status);

        var database = new Npgsql.NpgsqlConnectionStringBuilder(((OwnedDatabaseStore)store).ConnectionString).Database;
        var mine = _commands
            .Where(c => Equals(c.GetTagItem("db.namespace"), database))
            .Select(c => (string)c.GetTagItem("db.query.text")!)
            .Where(text => text != HeartbeatQuery && !text.StartsWith("LISTEN ", StringComparison.Ordinal)).ToArray();
        Assert.True(mine.Length == 2, $"{mine.Length} commands: " + string.Join(" | ", mine));
        Assert.StartsWith("INSERT INTO extensions", mine[0], StringComparison.Ordinal);
        Assert.Equal(3, mine[1].Split(";\n").Length);
        var audit = await store.Audit.ListAsync(new Core.Audit.AuditQuery(Eid: "rt01", Entity: "extension"), 10, CancellationToken.None);
        Assert.Single(audit);
    }

    public void Dispose() => _listener.Dispose();

    private void Listen()
    {
        _listener.ShouldListenTo = s => s.Name is "Npgsql";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _commands.Enqueue;
        ActivitySource.AddActivityListener(_listener);
    }
}
