using Provisioning.Core.Scim;

namespace Provisioning.Core.Storage;

/// <summary>Reading SCIM tokens outside a write.</summary>
public interface IScimTokenReads
{
    Task<ScimToken?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ScimToken>> ListAsync(long? tenantId, CancellationToken cancellationToken);
}
