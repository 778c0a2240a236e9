using Provisioning.Core.Audit;
using Provisioning.Core.Recorders;

namespace Provisioning.Core.Storage;

/// <summary>The recorder registry and the configuration recorders read: its reads, and its audited writes.</summary>
public interface IRecorderStore
{
    IRecorderReads Reads { get; }

    /// <summary>Registers the recorder with the hash of its secret; a taken name is a duplicate.</summary>
    Task<StoreWrite<Recorder>> AddAsync(Recorder recorder, byte[] secretHash, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<Recorder>> RemoveAsync(string name, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<Recorder>> SetSecretAsync(string name, byte[] secretHash, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Records the revision the recorder reports running, and when it said so (not audited: it is the recorder's report, not a change).</summary>
    Task<StoreWrite<Recorder>> RecordAppliedAsync(long id, long revision, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Audits each recorder's outcome of applyExtensionConfiguration, and marks applied the revisions pushes delivered (never lowering one).</summary>
    Task RecordDeliveriesAsync(IReadOnlyList<RecorderDelivery> deliveries, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Tells the long polls of every instance to look at their revision again, as a committed change would.</summary>
    Task AnnounceAsync(CancellationToken cancellationToken);
}
