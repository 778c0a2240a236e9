using System.Globalization;
using Npgsql;
using Provisioning.Core.Resilience;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// Tells every instance on the database about changes caches depend on. A write that releases a token or changes a
/// user or an environment sends NOTIFY in its transaction (delivered at commit); one connection per instance LISTENs
/// and raises <see cref="Changed"/>. If that connection drops, notifications may have been missed, so on reconnecting
/// it raises a change of every kind: every cached session and environment is read again. It reconnects with backoff for
/// as long as the database is away, and tells <see cref="Observer"/> once when it lost the connection and once when it
/// is back.
/// </summary>
internal sealed class ChangeFeed : IAsyncDisposable
{
    public const string Channel = "provisioning_changes";
    private readonly NpgsqlDataSource _source;
    private readonly CancellationTokenSource _stop = new();
    private Task? _listening;

    public ChangeFeed(NpgsqlDataSource source)
    {
        _source = source;
    }

    public event Action<StoreChange>? Changed;

    public IOutageObserver? Observer { get; set; }

    /// <summary>Queues the notification in the write's transaction.</summary>
    public static Task NotifyAsync(Db db, StoreChange change) =>
        db.ExecuteAsync("SELECT pg_notify(@c, @p)", ("@c", Channel), ("@p", string.Create(CultureInfo.InvariantCulture, $"{(int)change.Kind}:{change.Id}")));

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
        var first = true;
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
                if (!first)
                {
                    RaiseEverything();
                }
                first = false;
                if (outage.Succeeded() is { } ended)
                {
                    Observer?.Recovered("PostgreSQL change feed", ended);
                }
                while (!stop.IsCancellationRequested)
                {
                    await connection.WaitAsync(stop);
                }
            }
#pragma warning disable CA1031 // Whatever breaks the connection (or a listener), the feed must go on; reported once per outage.
            catch (Exception e) when (!stop.IsCancellationRequested)
#pragma warning restore CA1031
            {
                // Anything may change while the feed is away; once it is back, caches are dropped (above).
                first = false;
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
