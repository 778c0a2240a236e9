using Provisioning.Core.Resilience;
using Provisioning.Core.Storage;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Audit;

/// <summary>
/// Chains the audit entries written since the last run, every second: writes never wait for the chain, and an entry
/// is sealed about a second after its commit (docs/AUDIT.md). Instances sharing a database take turns (the store's lock).
/// </summary>
internal sealed class AuditSealer(IProvisioningStore store, TimeProvider time, IOutageObserver observer) : StoreLoop(time, observer)
{
    protected override string Name => "Audit sealing";

    protected override TimeSpan Period => TimeSpan.FromSeconds(1);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken) => await store.Audit.SealAsync(cancellationToken);
}
