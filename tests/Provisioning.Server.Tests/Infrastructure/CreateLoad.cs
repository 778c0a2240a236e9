using System.Collections.Concurrent;

namespace Provisioning.Server.Tests.Infrastructure;

/// <summary>
/// Clients creating extensions as fast as the server answers, each request's outcome recorded by whether it began
/// before or after <see cref="Mark"/> (the moment a fault was injected).
/// </summary>
public sealed class CreateLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;
    private volatile bool _marked;
    private long _requests;
    private long _faults;
    private long _faultsAfterMark;

    private CreateLoad(SoapClient client, string token, string prefix, int workers)
    {
        _workers = Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(client, token, $"{prefix}-{w}"))).ToArray();
    }

    /// <summary>Addresses answered OK by requests that began before the mark.</summary>
    public ConcurrentQueue<string> AcknowledgedBefore { get; } = new();

    /// <summary>Addresses answered OK by requests that began after the mark.</summary>
    public ConcurrentQueue<string> AcknowledgedAfter { get; } = new();

    public long Requests => Interlocked.Read(ref _requests);

    public long Faults => Interlocked.Read(ref _faults);

    /// <summary>
    /// How many acknowledged creates a fault test lets happen before its fault (PROVISIONING_FAULT_WRITES; 300 in the
    /// normal run, tens of thousands in the long form).
    /// </summary>
    public static int WritesBeforeFault { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("PROVISIONING_FAULT_WRITES"), System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 300;

    public static CreateLoad Start(SoapClient client, string token, string prefix, int workers = 8) =>
        new(client, token, $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)], workers);

    /// <summary>From now on, requests count as beginning after the fault.</summary>
    public void Mark() => _marked = true;

    public Task UntilAcknowledgedAsync(int count) => UntilAsync(() => AcknowledgedBefore.Count + AcknowledgedAfter.Count >= count, $"{count} acknowledged creates");

    public Task UntilFaultsAsync(long count) => UntilAsync(() => Faults >= count, $"{count} faults");

    public Task UntilFaultsAfterMarkAsync(long count) => UntilAsync(() => Interlocked.Read(ref _faultsAfterMark) >= count, $"{count} faults after the mark");

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var patience = TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(WritesBeforeFault / 50.0);
        var deadline = DateTime.UtcNow + patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within {patience}: {Requests} requests, {Faults} faults");
            Assert.False(_workers.Any(w => w.IsFaulted), "a load worker failed");
            await Task.Delay(20);
        }
    }

    private async Task WorkAsync(SoapClient client, string token, string prefix)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var after = _marked;
            var address = $"{prefix}-{i}@x";
            SoapAnswer answer;
            try
            {
                answer = await client.CallAsync("createExtension", $"<token>{token}</token><extension><eid>0000</eid><extension>{address}</extension></extension>");
            }
            catch (HttpRequestException)
            {
                return;
            }
            Interlocked.Increment(ref _requests);
            if (answer.HttpStatus == 200 && answer.StatusCode == "OK")
            {
                (after ? AcknowledgedAfter : AcknowledgedBefore).Enqueue(address);
            }
            else if (answer.FaultCode is not null)
            {
                Interlocked.Increment(ref _faults);
                if (after)
                {
                    Interlocked.Increment(ref _faultsAfterMark);
                }
            }
        }
    }
}
