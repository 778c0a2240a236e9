using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>
/// The statements a bulk import runs for each row, inside its batch's transaction: a part of <see cref="IWriteSession"/>
/// that a store may also serve its fastest way (statements prepared once per batch).
/// </summary>
public interface IImportSession
{
    ValueTask<Tenant?> FindTenantAsync(long id, bool forUpdate);

    ValueTask<long?> FindUserTenantAsync(long userId);

    /// <summary>The extension (its user carrying only the id), under a row lock when <paramref name="forUpdate"/>.</summary>
    ValueTask<Extension?> FindExtensionAsync(ExtensionKey key, bool forUpdate);

    /// <summary>Inserts the extension with the media as given; null when its address is taken in its environment.</summary>
    ValueTask<long?> InsertExtensionAsync(Extension extension);

    ValueTask UpdateExtensionAsync(long id, Extension extension);

    ValueTask AppendAuditAsync(AuditActor actor, AuditChange change);

    /// <summary>
    /// Logs that what recorders are told of this address of this environment changed (created, updated, deleted, its
    /// user renamed): the revision of every recorder of the environment passes it when the transaction commits.
    /// </summary>
    ValueTask AppendConfigurationChangeAsync(long tenantId, string address);

    /// <summary>Announces a change that caches depend on: raised after the commit, on every instance sharing the database.</summary>
    ValueTask NotifyAsync(StoreChange change);
}
