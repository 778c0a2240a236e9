using Provisioning.Core.Resilience;

namespace Provisioning.Server.Hosting;

/// <summary>
/// A background task that works on the store every <see cref="Period"/>. A failure never escapes it: an exception out
/// of a hosted service would stop the whole host (or, with the host told to ignore it, end the task for good), and a
/// database outage is no reason for either. It is reported once, retried with backoff until it works, and its end
/// is reported once.
/// </summary>
internal abstract class StoreLoop(TimeProvider time, IOutageObserver observer) : BackgroundService
{
    protected abstract string Name { get; }

    protected abstract TimeSpan Period { get; }

    protected abstract bool RunsAtStart { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var outage = new Outage(time);
        using var timer = new PeriodicTimer(Period, time);
        if (RunsAtStart)
        {
            await RunUntilDoneAsync(outage, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunUntilDoneAsync(outage, stoppingToken);
        }
    }

    private async Task RunUntilDoneAsync(Outage outage, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                if (outage.Succeeded() is { } ended)
                {
                    observer.Recovered(Name, ended);
                }
                return;
            }
#pragma warning disable CA1031 // Whatever the store throws, the task must go on; the error is reported, once per outage.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                if (outage.Failed())
                {
                    observer.Failed(Name, e);
                }
                await outage.WaitAsync(stoppingToken);
            }
        }
    }
}
