using Provisioning.Core.Resilience;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Observability;

/// <summary>Counts live tokens in the store every 15 seconds for the gauge, so a scrape never waits on the database.</summary>
internal sealed class LiveTokenSampler(IProvisioningStore store, TokenOptions options, TimeProvider time, IOutageObserver observer, ProvisioningMetrics metrics)
    : StoreLoop(time, observer)
{
    private readonly TimeProvider _time = time;

    protected override string Name => "Live token count";

    protected override TimeSpan Period => TimeSpan.FromSeconds(15);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) =>
        metrics.LiveTokens(await store.Tokens.CountLiveTokensAsync(_time.GetUtcNow(), options.IdleTimeout, cancellationToken));
}
