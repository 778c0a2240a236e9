using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Extensions; the address is unique per environment ignoring case. Reads fill in the linked user.</summary>
public interface IExtensionStore
{
    Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken);

    Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Duplicate names "extension"; MissingReference names "user" when the linked user is not in the environment.</summary>
    Task<StoreWrite<Extension>> CreateAsync(Extension extension, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the fields of the extension that <paramref name="key"/> names with <paramref name="values"/>; the media
    /// become <see cref="Extension.MediaOver"/> the stored media, read in the same transaction.
    /// </summary>
    Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, Extension values, CancellationToken cancellationToken);

    Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch of rows in one transaction, in order, and answers one result per row in the same order. A row whose
    /// address (ignoring case) is new in its environment is created; one that exists is compared with the row (address as
    /// spelled, mode, media after applying the row's change, user) and updated when anything differs, else left unchanged
    /// and not written. A row whose user is not in its environment is rejected (MissingReference "user") and never fails
    /// the others. What the batch changes is audited in the same transaction, for the actor of the calling context: one
    /// entry per environment (entity extension, key <see cref="ImportedKeys.AuditKey"/>, after: <see cref="ImportedKeys"/>),
    /// none when nothing changed. The task completes when the batch is durable; with
    /// <paramref name="dryRun"/> the same results are computed and everything is rolled back.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionImportRow> rows, bool dryRun, CancellationToken cancellationToken);
}
