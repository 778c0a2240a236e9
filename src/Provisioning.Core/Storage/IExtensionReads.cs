using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>Reading extensions; the address is unique per environment ignoring case. Reads fill in the linked user.</summary>
public interface IExtensionReads
{
    Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken);

    /// <summary>The extension with this id in whichever environment holds it, or null; the caller decides whether it may see it.</summary>
    Task<Extension?> FindByIdAsync(long id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken);
}
