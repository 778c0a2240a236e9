using Provisioning.Core.Audit;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>Extensions: the store's reads, and the writes and the bulk import with their rules (the address key, the user's environment).</summary>
public sealed class ExtensionStore(IExtensionReads reads, IStoreWriter writer) : IExtensionStore
{
    public Task<Extension?> FindAsync(ExtensionKey key, CancellationToken cancellationToken) => reads.FindAsync(key, cancellationToken);

    public Task<Extension?> FindByIdAsync(long id, CancellationToken cancellationToken) => reads.FindByIdAsync(id, cancellationToken);

    public Task<IReadOnlyList<Extension>> ListAsync(ExtensionQuery query, int limit, CancellationToken cancellationToken) =>
        reads.ListAsync(query, limit, cancellationToken);

    public Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ExtensionWrite> rows, bool dryRun, AuditActor actor, CancellationToken cancellationToken) =>
        writer.ImportAsync(s => ExtensionImportBatch.RunAsync(s, rows, actor), _ => !dryRun, cancellationToken);

    public Task<StoreWrite<Extension>> CreateAsync(ExtensionWrite extension, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (!await UserInTenantAsync(s, extension))
                {
                    return StoreWrite<Extension>.MissingReference(StoreKey.User);
                }
                var record = Record(extension, RecordedMedia.None);
                if (await s.InsertExtensionAsync(record) is not { } id)
                {
                    return StoreWrite<Extension>.Duplicate(StoreKey.Extension);
                }
                // What was written is known; only a caller that did not name the environment needs it read back.
                var created = extension.Tenant.Eid is null
                    ? (await s.FindExtensionAsync(new ExtensionKey(extension.TenantId, id, null), forUpdate: false))!
                    : record with { Id = id };
                await ConfigurationLog.ChangedAsync(s, created.TenantId, created.Address!);
                await s.AppendAuditAsync(actor, Change(created, null, created));
                return StoreWrite<Extension>.Ok(created);
            },
            cancellationToken);

    /// <summary>The stored row is read under a row lock, so the media change applies to the value no other write is changing.</summary>
    public Task<StoreWrite<Extension>> UpdateAsync(ExtensionKey key, ExtensionWrite values, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindExtensionAsync(key, forUpdate: true) is not { } stored)
                {
                    return StoreWrite<Extension>.NotFound();
                }
                if (!await UserInTenantAsync(s, values))
                {
                    return StoreWrite<Extension>.MissingReference(StoreKey.User);
                }
                if (await s.AddressTakenAsync(key.TenantId, Keys.Fold(values.Address), stored.Id!.Value))
                {
                    return StoreWrite<Extension>.Duplicate(StoreKey.Extension);
                }
                await s.UpdateExtensionAsync(stored.Id.Value, Record(values, stored.Media));
                var after = (await s.FindExtensionAsync(key with { Id = stored.Id, Address = null }, forUpdate: false))!;
                await ConfigurationLog.ChangedAsync(s, key.TenantId, stored.Address!, after.Address!);
                await s.AppendAuditAsync(actor, Change(after, stored, after));
                return StoreWrite<Extension>.Ok(after);
            },
            cancellationToken);

    public Task<StoreWrite<Extension>> DeleteAsync(ExtensionKey key, AuditActor actor, CancellationToken cancellationToken) =>
        writer.RunAsync(
            async s =>
            {
                if (await s.FindExtensionAsync(key, forUpdate: true) is not { } stored)
                {
                    return StoreWrite<Extension>.NotFound();
                }
                await s.DeleteExtensionAsync(stored.Id!.Value);
                await ConfigurationLog.ChangedAsync(s, key.TenantId, stored.Address!);
                await s.AppendAuditAsync(actor, Change(stored, stored, null));
                return StoreWrite<Extension>.Ok(stored);
            },
            cancellationToken);

    /// <summary>The extension as <paramref name="write"/> makes it over media <paramref name="stored"/> (none for a new one).</summary>
    internal static Extension Record(ExtensionWrite write, RecordedMedia stored) => new()
    {
        TenantId = write.TenantId,
        Tenant = write.Tenant,
        Address = write.Address,
        Mode = write.Mode,
        Media = write.Media.ApplyTo(stored),
        User = write.UserId is { } user ? new User { Id = user } : null,
        PhoneType = write.PhoneType,
    };

    private static async ValueTask<bool> UserInTenantAsync(IWriteSession s, ExtensionWrite extension) =>
        extension.UserId is not { } userId || await s.FindUserTenantAsync(userId) == extension.TenantId;

    private static AuditChange Change(Extension extension, Extension? before, Extension? after) =>
        new(AuditChange.Extension, extension.Tenant.Eid!, extension.Address!, before, after);
}
