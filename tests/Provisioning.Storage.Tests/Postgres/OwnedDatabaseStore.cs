using Provisioning.Core.Audit;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Tests.Postgres;

/// <summary>A store over a database made for one test: disposing it drops the database too.</summary>
internal sealed record OwnedDatabaseStore(IProvisioningStore Inner, string ConnectionString, Func<Task> DropAsync) : IProvisioningStore
{
    public ITenantStore Tenants => Inner.Tenants;

    public IUserStore Users => Inner.Users;

    public IExtensionStore Extensions => Inner.Extensions;

    public IGroupStore Groups => Inner.Groups;

    public ITokenStore Tokens => Inner.Tokens;

    public IAuditStore Audit => Inner.Audit;

    public IRecorderStore Recorders => Inner.Recorders;

    public IStorageStore Storage => Inner.Storage;

    public IScimTokenStore ScimTokens => Inner.ScimTokens;

    public bool IsShared => Inner.IsShared;

    public bool HearsChanges => Inner.HearsChanges;

    public int LatestSchemaVersion => Inner.LatestSchemaVersion;

    public event Action<StoreChange>? Changed
    {
        add => Inner.Changed += value;
        remove => Inner.Changed -= value;
    }

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => Inner.MigrateAsync(cancellationToken);

    public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => Inner.GetSchemaVersionAsync(cancellationToken);

    public Task PingAsync(CancellationToken cancellationToken) => Inner.PingAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await DropAsync();
    }
}
