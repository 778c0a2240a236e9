using System.Globalization;
using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>Environments: the store's reads, and the writes with their rules (keys, the default group, "not empty").</summary>
public sealed class TenantStore(ITenantReads reads, IStoreWriter writer) : ITenantStore
{
    /// <summary>The name every environment's default group is created with.</summary>
    public const string DefaultGroupName = "Default group";

    public Task<Tenant?> FindByIdAsync(long id, CancellationToken cancellationToken) => reads.FindByIdAsync(id, cancellationToken);

    public Task<Tenant?> FindByEidAsync(string eid, CancellationToken cancellationToken) => reads.FindByEidAsync(eid, cancellationToken);

    public Task<Tenant?> FindByShortNameAsync(string shortName, CancellationToken cancellationToken) => reads.FindByShortNameAsync(shortName, cancellationToken);

    public Task<IReadOnlyList<Tenant>> ListAsync(TenantQuery query, int limit, CancellationToken cancellationToken) => reads.ListAsync(query, limit, cancellationToken);

    public Task<int> CountAsync(CancellationToken cancellationToken) => reads.CountAsync(cancellationToken);

    public Task<IReadOnlyList<TenantCounts>> CountContentsAsync(CancellationToken cancellationToken) => reads.CountContentsAsync(cancellationToken);

    public Task<IReadOnlyList<TenantStatistics>> StatisticsAsync(IReadOnlyList<long>? tenantIds, DateTimeOffset now, TimeSpan idleTimeout, CancellationToken cancellationToken) =>
        reads.StatisticsAsync(tenantIds, now, idleTimeout, cancellationToken);

    public Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, AuditActor actor, CancellationToken cancellationToken) =>
        CreateAsync(tenant, DefaultStorage.None, actor, cancellationToken);

    public Task<StoreWrite<Tenant>> CreateAsync(Tenant tenant, DefaultStorage storage, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await TakenAsync(s, tenant, 0) is { } taken)
                {
                    return StoreWrite<Tenant>.Duplicate(taken);
                }
                if (await s.InsertTenantAsync(tenant) is not { } id)
                {
                    // Another writer took a key between the check and the insert; its row is committed, so visible now.
                    return StoreWrite<Tenant>.Duplicate(await TakenAsync(s, tenant, 0) ?? StoreKey.Eid);
                }
                await s.InsertGroupAsync(new Group { TenantId = id, Name = DefaultGroupName }, isDefault: true);
                var created = (await s.FindTenantAsync(id, forUpdate: false))!;
                await s.AppendAuditAsync(actor, Change(created, null, created));
                return await CreateStorageAsync(s, created, storage, actor) ?? StoreWrite<Tenant>.Ok(created);
            },
            cancellationToken);

    public Task<StoreWrite<Tenant>> UpdateAsync(Tenant tenant, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindTenantAsync(tenant.Id, forUpdate: true) is not { } before)
                {
                    return StoreWrite<Tenant>.NotFound();
                }
                if (await TakenAsync(s, tenant, tenant.Id) is { } key)
                {
                    return StoreWrite<Tenant>.Duplicate(key);
                }
                await s.UpdateTenantAsync(tenant);
                var after = (await s.FindTenantAsync(tenant.Id, forUpdate: false))!;
                await s.NotifyAsync(new StoreChange(StoreChangeKind.TenantChanged, tenant.Id));
                await s.AppendAuditAsync(actor, Change(after, before, after));
                return StoreWrite<Tenant>.Ok(after);
            },
            cancellationToken);

    public Task<StoreWrite<Tenant>> DeleteAsync(long id, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindTenantAsync(id, forUpdate: true) is not { } before)
                {
                    return StoreWrite<Tenant>.NotFound();
                }
                var contents = await s.CountTenantContentsAsync(id);
                if (contents.Users + contents.Extensions > 0)
                {
                    return StoreWrite<Tenant>.Refused(Failures.Illegal(string.Create(
                        CultureInfo.InvariantCulture,
                        $"The environment {before.Eid} still has {contents.Users} users and {contents.Extensions} extensions; delete them first")));
                }
                await s.DeleteTenantAsync(id, Keys.Fold(before.Eid!));
                await s.NotifyAsync(new StoreChange(StoreChangeKind.TenantChanged, id));
                await s.AppendAuditAsync(actor, Change(before, before, null));
                return StoreWrite<Tenant>.Ok(before);
            },
            cancellationToken);

    /// <summary>The environment's default storage, audited as any other; a failure (none is expected in a new environment) undoes the whole write.</summary>
    private static async ValueTask<StoreWrite<Tenant>?> CreateStorageAsync(IWriteSession s, Tenant tenant, DefaultStorage storage, AuditActor actor)
    {
        long? folderId = null;
        if (storage.Folder is { } folder)
        {
            var written = await StorageStore.CreateFolderAsync(s, folder with { TenantId = tenant.Id, Tenant = tenant.Ref }, actor);
            if (!written.IsOk)
            {
                return written.As<Tenant>();
            }
            folderId = written.Value!.Id;
        }
        foreach (var policy in storage.Policies)
        {
            var bound = policy with { TenantId = tenant.Id, Tenant = tenant.Ref, FolderId = policy.FolderId ?? (StorageNames.ActionsWithFolder.Contains(policy.Action!) ? folderId : null) };
            var written = await StorageStore.CreatePolicyAsync(s, bound, actor);
            if (!written.IsOk)
            {
                return written.As<Tenant>();
            }
        }
        return null;
    }

    private static async ValueTask<StoreKey?> TakenAsync(IWriteSession s, Tenant tenant, long exceptId)
    {
        if (exceptId == 0 && await s.TenantKeyTakenAsync(StoreKey.Eid, Keys.Fold(tenant.Eid!), 0))
        {
            return StoreKey.Eid;
        }
        return await s.TenantKeyTakenAsync(StoreKey.ShortName, Keys.Fold(tenant.ShortName!), exceptId) ? StoreKey.ShortName : null;
    }

    private static AuditChange Change(Tenant tenant, Tenant? before, Tenant? after) =>
        new(AuditChange.Environment, tenant.Eid!, tenant.Eid!, before, after);
}
