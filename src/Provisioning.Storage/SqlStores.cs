using Provisioning.Core.Audit;
using Provisioning.Core.Storage;
using Provisioning.Core.Writes;

namespace Provisioning.Storage;

/// <summary>
/// The parts of a store over one database: reads and the write session in the shared SQL, the rules of every write
/// from Core. A store adds what is its own: how it connects and commits, its bulk import, its caches.
/// </summary>
internal sealed class SqlStores
{
    public SqlStores(ISqlDatabase db, IExtensionImport import, Action<StoreChange> raise, Func<IExtensionReads, IExtensionReads>? cacheExtensions = null)
    {
        var writer = new SqlStoreWriter(db, raise);
        Writer = writer;
        Tenants = new TenantStore(new SqlTenantReads(db), writer);
        Users = new UserStore(new SqlUserReads(db), writer);
        Groups = new GroupStore(new SqlGroupReads(db), writer);
        var extensionReads = new SqlExtensionReads(db);
        Extensions = new ExtensionStore(cacheExtensions?.Invoke(extensionReads) ?? extensionReads, import, writer);
        Tokens = new SqlTokenStore(db, raise);
        Audit = new SqlAuditStore(db);
    }

    public IStoreWriter Writer { get; }

    public ITenantStore Tenants { get; }

    public IUserStore Users { get; }

    public IGroupStore Groups { get; }

    public IExtensionStore Extensions { get; }

    public ITokenStore Tokens { get; }

    public IAuditStore Audit { get; }
}
