using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Operator;

/// <summary>The operator's overview of the database.</summary>
public sealed class StatusService(IProvisioningStore store)
{
    public async Task<Result<StoreStatus>> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSystemAdministrator)
        {
            return Failures.PermissionDenied;
        }
        var version = await store.GetSchemaVersionAsync(cancellationToken);
        var counts = await store.Tenants.CountContentsAsync(cancellationToken);
        return Result<StoreStatus>.Ok(new StoreStatus(version, store.LatestSchemaVersion, counts));
    }
}
