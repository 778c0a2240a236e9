using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Scim;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>The SCIM token writes, each audited as entity "scimToken" (the entry never holds the token or its hash).</summary>
public sealed class ScimTokenStore(IScimTokenReads reads, IStoreWriter writer) : IScimTokenStore
{
    public Task<ScimToken?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken) => reads.FindByHashAsync(hash, cancellationToken);

    public Task<IReadOnlyList<ScimToken>> ListAsync(long? tenantId, CancellationToken cancellationToken) => reads.ListAsync(tenantId, cancellationToken);

    public Task<StoreWrite<ScimToken>> AddAsync(ScimToken token, byte[] hash, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindScimTokenAsync(token.TenantId, Keys.Fold(token.Name)) is not null || await s.InsertScimTokenAsync(token, hash) is not { } id)
                {
                    return StoreWrite<ScimToken>.Duplicate(StoreKey.ScimToken);
                }
                var created = token with { Id = id };
                await s.AppendAuditAsync(actor, new AuditChange(AuditChange.ScimToken, token.Eid, token.Name, null, created));
                return StoreWrite<ScimToken>.Ok(created);
            },
            cancellationToken);

    public Task<StoreWrite<ScimToken>> RemoveAsync(long tenantId, string name, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindScimTokenAsync(tenantId, Keys.Fold(name)) is not { } stored)
                {
                    return StoreWrite<ScimToken>.NotFound();
                }
                await s.DeleteScimTokenAsync(stored.Id);
                await s.AppendAuditAsync(actor, new AuditChange(AuditChange.ScimToken, stored.Eid, stored.Name, stored, null));
                return StoreWrite<ScimToken>.Ok(stored);
            },
            cancellationToken);
}
