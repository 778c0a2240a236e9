using Provisioning.Core.Audit;
using Provisioning.Core.Scim;

namespace Provisioning.Core.Storage;

/// <summary>SCIM tokens: found by the hash of their value, listed, and added or removed in audited writes.</summary>
public interface IScimTokenStore
{
    Task<ScimToken?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken);

    /// <summary>Ordered by environment and name; every environment's when <paramref name="tenantId"/> is null.</summary>
    Task<IReadOnlyList<ScimToken>> ListAsync(long? tenantId, CancellationToken cancellationToken);

    /// <summary>A name taken in the environment is a duplicate.</summary>
    Task<StoreWrite<ScimToken>> AddAsync(ScimToken token, byte[] hash, AuditActor actor, CancellationToken cancellationToken);

    Task<StoreWrite<ScimToken>> RemoveAsync(long tenantId, string name, AuditActor actor, CancellationToken cancellationToken);
}
