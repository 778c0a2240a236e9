using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Core.Writes;

namespace Provisioning.Storage;

/// <summary>
/// A store over one SQL database: reads and the write session in the shared SQL, the rules of every write from Core.
/// Each store adds what is its own: how it connects and commits, its import statements, its caches, how it hears of changes.
/// </summary>
public abstract class SqlProvisioningStore : IProvisioningStore
{
    private protected SqlProvisioningStore(ISqlDatabase db, Func<SqlSession, SqlWriteSession, IImportSession>? importSession = null, Func<IExtensionReads, IExtensionReads>? cacheExtensions = null)
    {
        var writer = new SqlStoreWriter(db, Raise, importSession ?? ((_, shared) => shared));
        Tenants = new TenantStore(new SqlTenantReads(db), writer);
        Users = new UserStore(new SqlUserReads(db), writer);
        Groups = new GroupStore(new SqlGroupReads(db), writer);
        var extensionReads = new SqlExtensionReads(db);
        Extensions = new ExtensionStore(cacheExtensions?.Invoke(extensionReads) ?? extensionReads, writer);
        Tokens = new SqlTokenStore(db, Raise);
        Audit = new SqlAuditStore(db);
        Recorders = new RecorderStore(new SqlRecorderReads(db), writer);
        Storage = new StorageStore(new SqlStorageReads(db), writer);
        ScimTokens = new ScimTokenStore(new SqlScimTokenReads(db), writer);
    }

    public ITenantStore Tenants { get; }

    public IUserStore Users { get; }

    public IGroupStore Groups { get; }

    public IExtensionStore Extensions { get; }

    public ITokenStore Tokens { get; }

    public IAuditStore Audit { get; }

    public IRecorderStore Recorders { get; }

    public IStorageStore Storage { get; }

    public IScimTokenStore ScimTokens { get; }

    public abstract bool IsShared { get; }

    public abstract bool HearsChanges { get; }

    public abstract event Action<StoreChange>? Changed;

    public abstract int LatestSchemaVersion { get; }

    public abstract Task PingAsync(CancellationToken cancellationToken);

    public abstract Task<int> MigrateAsync(CancellationToken cancellationToken);

    public abstract Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Tells this instance's caches of a committed change (and, where the database is shared, how the others hear of it is the store's).</summary>
    private protected abstract void Raise(StoreChange change);
}
