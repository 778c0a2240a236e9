using System.Globalization;
using Npgsql;
using Provisioning.Core.Caching;
using Provisioning.Core.Resilience;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// Tells every instance on the database about changes caches depend on. A write that releases a token or changes a
/// user or an environment sends NOTIFY in its transaction (delivered at commit); one connection per instance LISTENs
/// and raises <see cref="Changed"/>. Every <see cref="Heartbeat"/> it runs a query on that connection: PostgreSQL sends
/// the notifications of every transaction committed before the query began ahead of its answer, so once the answer is
/// in, every such change has been raised. <see cref="HearsChanges"/> is true while the last answered query began less
/// than <see cref="CachePolicy.SharedStaleness"/> ago; a connection that is slow, silently gone or closed turns it false
/// within that time, and caches then read from the database. If the connection drops, notifications may have been
/// missed, so on connecting it raises a change of every kind: every cached session and environment is read again.
/// It reconnects with backoff for as long as the database is away, and tells <see cref="Observer"/> once when it lost
/// the connection and once when it is back.
/// </summary>
internal sealed class ChangeFeed : IAsyncDisposable
{
    public const string Channel = "provisioning_changes";

    /// <summary>The query that confirms the connection delivered every change so far; its text names it in pg_stat_activity.</summary>
    public const string HeartbeatQuery = "SELECT 'provisioning change feed'";

    /// <summary>How often the feed confirms it hears every change: a quarter of the staleness allowed, so a late answer or two still keep the caches on.</summary>
    public static readonly TimeSpan Heartbeat = CachePolicy.SharedStaleness / 4;

    // A connection that does not answer the heartbeat in this time is given up and opened again.
    private const int HeartbeatTimeoutSeconds = 5;
    private readonly NpgsqlDataSource _source;
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time = TimeProvider.System;
    private Task? _listening;

    // The timestamp at which the last answered heartbeat was sent; 0 before the first.
    private long _heardUntil;

    public ChangeFeed(NpgsqlDataSource source)
    {
        _source = source;
    }

    public event Action<StoreChange>? Changed;

    public IOutageObserver? Observer { get; set; }

    /// <summary>Whether every change committed more than <see cref="CachePolicy.SharedStaleness"/> ago has been raised.</summary>
    public bool HearsChanges
    {
        get
        {
            var since = Volatile.Read(ref _heardUntil);
            return since != 0 && _time.GetElapsedTime(since) < CachePolicy.SharedStaleness;
        }
    }

    /// <summary>Queues the notification in the write's transaction (with its next round trip).</summary>
    public static Task NotifyAsync(Db db, StoreChange change) =>
        db.Defer("SELECT pg_notify(@c, @p)", ("@c", Channel), ("@p", string.Create(CultureInfo.InvariantCulture, $"{(int)change.Kind}:{change.Id}")));

    /// <summary>Raises a change in this instance right away (the others hear it through LISTEN).</summary>
    public void Raise(StoreChange change) => Changed?.Invoke(change);

    public void Start() => _listening ??= Task.Run(() => ListenAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_listening is not null)
        {
            try
            {
                await _listening;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }
        _stop.Dispose();
    }

    private async Task ListenAsync(CancellationToken stop)
    {
        var outage = new Outage(TimeProvider.System);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source.OpenConnectionAsync(stop);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }
                // What was read before LISTEN took hold may have changed unheard (on the first connection too: reads may
                // have come before it).
                RaiseEverything();
                if (outage.Succeeded() is { } ended)
                {
                    Observer?.Recovered("PostgreSQL change feed", ended);
                }
                await using var heartbeat = new NpgsqlCommand(HeartbeatQuery, connection) { CommandTimeout = HeartbeatTimeoutSeconds };
                while (!stop.IsCancellationRequested)
                {
                    var sent = _time.GetTimestamp();
                    await heartbeat.ExecuteNonQueryAsync(stop);
                    Volatile.Write(ref _heardUntil, sent);
                    // Notifications arrive as they come; the next heartbeat is due one interval after this one was sent.
                    while (_time.GetElapsedTime(sent) is var waited && waited < Heartbeat)
                    {
                        await connection.WaitAsync(Heartbeat - waited, stop);
                    }
                }
            }
#pragma warning disable CA1031 // Whatever breaks the connection (or a listener), the feed must go on; reported once per outage.
            catch (Exception e) when (!stop.IsCancellationRequested)
#pragma warning restore CA1031
            {
                // Anything may change while the feed is away; caches read from the database (HearsChanges turned false
                // when the heartbeats stopped) and are dropped once it is back (above).
                Volatile.Write(ref _heardUntil, 0);
                if (outage.Failed())
                {
                    Observer?.Failed("PostgreSQL change feed", e);
                }
                await outage.WaitAsync(stop);
            }
        }
    }

    private void OnNotification(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kind)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && Enum.IsDefined((StoreChangeKind)kind))
        {
            Raise(new StoreChange((StoreChangeKind)kind, id));
        }
    }

    private void RaiseEverything()
    {
        foreach (var kind in Enum.GetValues<StoreChangeKind>())
        {
            Raise(new StoreChange(kind, 0));
        }
    }
}
