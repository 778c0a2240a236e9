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
}
