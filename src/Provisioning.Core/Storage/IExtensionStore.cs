using Provisioning.Core.Audit;
using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Extensions: the reads of the store, the bulk import, and writes under Core's rules, each audited for its actor.</summary>
public interface IExtensionStore : IExtensionReads, IExtensionImport
{
    /// <summary>Duplicate names <see cref="StoreKey.Extension"/>; MissingReference <see cref="StoreKey.User"/> when the user is not in the environment.</summary>
    Task<StoreWrite<Extension>> CreateAsync(ExtensionWrite extension, AuditActor actor, CancellationToken cancellationToken);

    /// <summary>Replaces the fields of the extension that <paramref name="key"/> names; the media change applies to the stored media.</summary>
    Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, ExtensionWrite values, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, AuditActor actor, CancellationToken cancellationToken);
}
