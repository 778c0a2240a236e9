using Provisioning.Core.Scim;

namespace Provisioning.Core.Storage;

/// <summary>The statements of the SCIM token writes; names are folded by Core.</summary>
public interface IScimTokenSession
{
    ValueTask<ScimToken?> FindScimTokenAsync(long tenantId, string nameKey);

    /// <summary>Null when the name is taken in the environment.</summary>
    ValueTask<long?> InsertScimTokenAsync(ScimToken token, byte[] hash);

    ValueTask DeleteScimTokenAsync(long id);
}
