using Provisioning.Core.Recorders;
using Provisioning.Core.Resilience;
using Provisioning.Core.Storage;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Recorders;

/// <summary>
/// Keeps the configuration change log to its newest <see cref="ConfigurationFeed.KeptChanges"/> rows, once an hour; a
/// recorder asking for a delta from before them is told 410 and fetches in full.
/// </summary>
internal sealed class ConfigurationPruner(IProvisioningStore store, TimeProvider time, IOutageObserver observer, ILogger<ConfigurationPruner> logger)
    : StoreLoop(time, observer)
{
    protected override string Name => "Configuration change log pruning";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool RunsAtStart => false;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var count = await store.Recorders.Reads.PruneChangesAsync(ConfigurationFeed.KeptChanges, cancellationToken);
        if (count > 0)
        {
            RecorderLog.ChangesPruned(logger, count, await store.Recorders.Reads.HorizonAsync(cancellationToken));
        }
    }
}
