using Provisioning.Core.Scim;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

internal sealed class SqlScimTokenReads(ISqlDatabase db) : IScimTokenReads
{
    public Task<ScimToken?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ScimTokenRows.FindAsync(c, "s.token_hash = @h", ("@h", hash)), cancellationToken);

    public Task<IReadOnlyList<ScimToken>> ListAsync(long? tenantId, CancellationToken cancellationToken) =>
        db.ReadAsync(c => ScimTokenRows.ListAsync(c, tenantId), cancellationToken);
}
