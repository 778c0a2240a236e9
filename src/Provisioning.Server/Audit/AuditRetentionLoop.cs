using Provisioning.Core.Audit;
using Provisioning.Core.Resilience;
using Provisioning.Server.Hosting;

namespace Provisioning.Server.Audit;

/// <summary>
/// Applies Provisioning:Audit:Retention at start and then once an hour: entries past it are archived to
/// Provisioning:Audit:ArchiveDirectory and removed (<see cref="AuditRetention"/>). Does nothing without a retention.
/// </summary>
internal sealed class AuditRetentionLoop(AuditRetention retention, TimeProvider time, IOutageObserver observer, ILogger<AuditRetentionLoop> logger)
    : StoreLoop(time, observer)
{
    protected override string Name => "Audit retention";

    protected override TimeSpan Period => TimeSpan.FromHours(1);

    protected override bool RunsAtStart => true;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        switch (await retention.RunOnceAsync(cancellationToken))
        {
            case { Break: { } broken }:
                AuditServerLog.ChainBroken(logger, broken.Message);
                break;
            case { Refusal: { } refusal }:
                AuditServerLog.NotPruned(logger, refusal);
                break;
            case { Archived: > 0, Through: { } through }:
                AuditServerLog.Archived(logger, through.Position, through.HashHex);
                break;
        }
    }
}
