using System.Collections.Concurrent;
using System.Diagnostics;
using Provisioning.Server.Tests.Infrastructure;

namespace Provisioning.Server.Tests.Durability;

/// <summary>
/// Clients creating extensions with unique addresses in a loop, whatever the answers, counting what they got: every
/// OK with the moment it arrived, faults (each must carry a correlation id), other answers, and requests the server
/// did not answer at all.
/// </summary>
public sealed class OutageLoad(SoapClient client, string token, Stopwatch clock)
{
    private long _sent;
    private long _faults;
    private long _faultsWithoutCorrelation;
    private long _unanswered;
    private readonly ConcurrentQueue<(TimeSpan At, string Address)> _acknowledged = new();
    private readonly ConcurrentQueue<string> _others = new();

    public long Sent => Interlocked.Read(ref _sent);

    public long Faults => Interlocked.Read(ref _faults);

    public long FaultsWithoutCorrelation => Interlocked.Read(ref _faultsWithoutCorrelation);

    public long Unanswered => Interlocked.Read(ref _unanswered);

    public int AcknowledgedCount => _acknowledged.Count;

    public IReadOnlyCollection<(TimeSpan At, string Address)> Acknowledged => _acknowledged;

    /// <summary>Answers that were neither OK nor an S:Server fault, e.g. "ERROR_GENERAL: …".</summary>
    public IReadOnlyCollection<string> Others => _others;

    public Task[] Start(int clients, string prefix, CancellationToken stop) =>
        Enumerable.Range(0, clients).Select(w => Task.Run(() => WorkAsync($"{prefix}-{w}", stop))).ToArray();

    private async Task WorkAsync(string prefix, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var address = $"{prefix}-{i}@x";
            Interlocked.Increment(ref _sent);
            SoapAnswer answer;
            try
            {
                answer = await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>{address}</extension></extension>");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                Interlocked.Increment(ref _unanswered);
                continue;
            }
            Count(answer, address);
        }
    }

    private void Count(SoapAnswer answer, string address)
    {
        if (answer.HttpStatus == 200 && answer.StatusCode == "OK")
        {
            _acknowledged.Enqueue((clock.Elapsed, address));
        }
        else if (answer.HttpStatus == 500 && answer.FaultCode == "S:Server")
        {
            Interlocked.Increment(ref _faults);
            if (answer.FaultString?.Contains("correlation id", StringComparison.Ordinal) != true)
            {
                Interlocked.Increment(ref _faultsWithoutCorrelation);
            }
        }
        else
        {
            _others.Enqueue(answer.ToString());
        }
    }
}
