using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Server.Observability;

/// <summary>Counts live tokens in the store every 15 seconds for the gauge, so a scrape never waits on the database.</summary>
internal sealed class LiveTokenSampler(IProvisioningStore store, TokenOptions options, TimeProvider time, ProvisioningMetrics metrics) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15), time);
        do
        {
            metrics.LiveTokens(await store.Tokens.CountLiveTokensAsync(time.GetUtcNow(), options.IdleTimeout, stoppingToken));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
