using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Provisioning.Server.Tests.Durability;

/// <summary>Asks /healthz and /readyz on the management port four times a second, as a load balancer would, and keeps the answers.</summary>
public sealed class Probes(HttpClient http, Uri management, Stopwatch clock)
{
    private readonly ConcurrentQueue<(TimeSpan At, HttpStatusCode Ready)> _ready = new();
    private int _healthFailures;

    /// <summary>/healthz answers that were not 200, or no answer at all: the process was not there.</summary>
    public int HealthFailures => Volatile.Read(ref _healthFailures);

    public HttpStatusCode? LastReady => _ready.IsEmpty ? null : _ready.Last().Ready;

    /// <summary>How many /readyz probes answered 503 between the two moments.</summary>
    public int NotReadyDuring(TimeSpan from, TimeSpan to) =>
        _ready.Count(p => p.At > from && p.At < to && p.Ready == HttpStatusCode.ServiceUnavailable);

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            if (await StatusAsync("/healthz") != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref _healthFailures);
            }
            if (await StatusAsync("/readyz") is { } ready)
            {
                _ready.Enqueue((clock.Elapsed, ready));
            }
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<HttpStatusCode?> StatusAsync(string path)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(management, path));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
