using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Extensions: the reads of the store, and the writes and bulk import under Core's rules, each audited for its actor.</summary>
public interface IExtensionStore : IExtensionReads
{
    /// <summary>
    /// Writes a batch of rows in one transaction, in order, and answers one result per row in the same order. A row whose
    /// address (ignoring case) is new in its environment is created; one that exists is compared with the row (address as
    /// spelled, mode, media after applying the row's change, user) and updated when anything differs, else left unchanged
    /// and not written. A row whose user is not in its environment is rejected (MissingReference <see cref="StoreKey.User"/>)
    /// and never fails the others. What the batch changes is audited in the same transaction, for
    /// <paramref name="actor"/>: one entry per environment (entity extension, key <see cref="ImportedKeys.AuditKey"/>,
    /// after: <see cref="ImportedKeys"/>), none when nothing changed. The task completes when the batch is durable; with
    /// <paramref name="dryRun"/> the same results are computed and everything is rolled back.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Duplicate names <see cref="StoreKey.Extension"/>; MissingReference <see cref="StoreKey.User"/> when the user is not in the environment.</summary>
    Task<StoreWrite<Extension>> CreateAsync(ExtensionWrite extension, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces the fields of the extension that <paramref name="key"/> names; the media change applies to the stored media.</summary>
    Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, ExtensionWrite values, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, AuditActor actor, CancellationToken cancellationToken);
}
