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

    public Task<int> MigrateAsync(CancellationToken cancellationToken) => Inner.MigrateAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await DropAsync();
    }
}
