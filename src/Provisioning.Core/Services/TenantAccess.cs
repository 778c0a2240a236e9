using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// Turns how input names environments into environments the caller may act on. A caller that is not a System
/// Administrator gets "Permission denied" for any environment but its own, whether or not it exists, so that
/// environments of other tenants cannot be discovered.
/// </summary>
public sealed class TenantAccess(IProvisioningStore store, TenantCache cache)
{
    private readonly ITenantStore _tenants = store.Tenants;

    /// <summary>The one environment that <paramref name="named"/> names, for a write or a read of one object.</summary>
    public async Task<Result<Tenant>> ResolveAsync(Caller caller, TenantRef named, string field, CancellationToken cancellationToken)
    {
        if (named.IsEmpty)
        {
            return Failures.Mandatory($"{field}.eid");
        }
        var tenant = !string.IsNullOrEmpty(named.Eid)
            ? await cache.FindByEidAsync(named.Eid, cancellationToken)
            : await _tenants.FindByShortNameAsync(named.ShortName!, cancellationToken);
        if (tenant is null || !caller.MayActOn(tenant.Id))
        {
            return caller.IsSystemAdministrator
                ? Failures.DoesNotExist(!string.IsNullOrEmpty(named.Eid) ? $"{field}.eid" : $"{field}.environmentShortName", named.ToString())
                : Failures.PermissionDenied;
        }
        if (Rules.Agrees(tenant, named, field) is { } disagreement)
        {
            return disagreement;
        }
        return Result<Tenant>.Ok(tenant);
    }

    /// <summary>
    /// The ids of the environments a filter selects among those the caller may see; null means every environment.
    /// A filter that names another tenant's environment exactly is refused for a caller confined to its own.
    /// </summary>
    public async Task<Result<IReadOnlyList<long>?>> SelectAsync(Caller caller, TenantFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= TenantFilter.Any;
        if (!caller.IsSystemAdministrator && NamesOtherTenantExactly(caller, filter))
        {
            return Failures.PermissionDenied;
        }
        if (caller.IsSystemAdministrator && filter.IsEmpty)
        {
            return Result<IReadOnlyList<long>?>.Ok(null);
        }
        if (NamesOneEid(filter))
        {
            // An eid has exactly four characters, so a four-character substring filter is an equality.
            var tenant = await cache.FindByEidAsync(filter.Eid!, cancellationToken);
            var visible = tenant is not null && caller.MayActOn(tenant.Id) && (filter.Inactive is null || filter.Inactive == tenant.Inactive);
            return Result<IReadOnlyList<long>?>.Ok(visible ? [tenant!.Id] : []);
        }
        var tenants = await _tenants.ListAsync(ToQuery(caller, filter), int.MaxValue, cancellationToken);
        return Result<IReadOnlyList<long>?>.Ok(tenants.Select(t => t.Id).ToArray());
    }

    public static TenantQuery ToQuery(Caller caller, TenantFilter filter) => new(
        TextMatch.From(filter.Eid, filter.EidExact),
        TextMatch.From(filter.ShortName, filter.ShortNameExact),
        filter.Inactive,
        caller.IsSystemAdministrator ? null : caller.TenantId);

    private static bool NamesOneEid(TenantFilter filter) =>
        filter.Eid is { Length: 4 } && string.IsNullOrEmpty(filter.ShortName);

    private static bool NamesOtherTenantExactly(Caller caller, TenantFilter filter) =>
        filter.EidExact == true && !string.IsNullOrEmpty(filter.Eid) && Keys.Fold(filter.Eid) != Keys.Fold(caller.Eid);
}
