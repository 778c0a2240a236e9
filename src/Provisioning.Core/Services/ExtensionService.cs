using System.Globalization;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>createExtension, updateExtension, getExtension, listExtensions and deleteExtension.</summary>
public sealed class ExtensionService(IProvisioningStore store, TenantAccess access, ApiLimits limits, TimeProvider time)
{
    private readonly IExtensionStore _extensions = store.Extensions;

    public async Task<Result> CreateAsync(Caller caller, Extension input, MediaChange media, ExtensionFields names, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, names.Root, cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var extension = Prepare(input, media, tenant.Value, names, out var invalid);
        if (invalid is { } failure)
        {
            return failure;
        }
        var write = await _extensions.CreateAsync(extension, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, tenant.Value, input, names);
    }

    public async Task<Result> UpdateAsync(Caller caller, Extension input, MediaChange media, ExtensionFields names, CancellationToken cancellationToken)
    {
        // With an id the extension is found by it and the address may change; without, the address finds it.
        var target = await LocateAsync(caller, input, names, addressNamesIt: false, cancellationToken);
        if (!target.IsOk)
        {
            return target.ToFailure();
        }
        var (tenant, key) = target.Value;
        var extension = Prepare(input, media, tenant, names, out var invalid);
        if (invalid is { } failure)
        {
            return failure;
        }
        var write = await _extensions.UpdateAsync(key, extension, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, tenant, input, names);
    }

    public async Task<Result> DeleteAsync(Caller caller, Extension input, ExtensionFields names, CancellationToken cancellationToken)
    {
        var target = await LocateAsync(caller, input, names, addressNamesIt: true, cancellationToken);
        if (!target.IsOk)
        {
            return target.ToFailure();
        }
        var (tenant, key) = target.Value;
        if (key.Id is null && string.IsNullOrEmpty(key.Address))
        {
            return Failures.Mandatory($"{names.Root}.id or {names.Address}");
        }
        var write = await _extensions.DeleteAsync(key, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, tenant, input, names);
    }

    public async Task<Result<Extension>> GetAsync(Caller caller, TenantFilter? environment, string? address, string addressField, CancellationToken cancellationToken)
    {
        if (Rules.Required(address, addressField) is { } missing)
        {
            return missing;
        }
        var tenants = await access.SelectAsync(caller, environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var found = tenants.Value is [] ? [] : await _extensions.ListAsync(new ExtensionQuery(tenants.Value, new TextMatch(address!, Exact: true), null), 2, cancellationToken);
        return found switch
        {
            [] => Failures.NotFound($"The extension '{address}' was not found"),
            [var one] => Result<Extension>.Ok(one),
            _ => Failures.Illegal($"The extension '{address}' exists in several environments that environmentFilter selects; name one environment"),
        };
    }

    /// <summary>One extension by id, in whichever environment the caller may act on (as updateExtension by id finds it).</summary>
    public async Task<Result<Extension>> GetByIdAsync(Caller caller, long id, string idField, CancellationToken cancellationToken)
    {
        if (Rules.Positive(id, idField) is { } invalid)
        {
            return invalid;
        }
        var stored = await _extensions.FindByIdAsync(id, cancellationToken);
        if (stored is null || !caller.MayActOn(stored.TenantId))
        {
            return caller.IsSystemAdministrator ? Failures.DoesNotExist(idField, id) : Failures.PermissionDenied;
        }
        return Result<Extension>.Ok(stored);
    }

    public async Task<Result<IReadOnlyList<Extension>>> ListAsync(Caller caller, ExtensionFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new ExtensionFilter(null, null, null, null);
        var tenants = await access.SelectAsync(caller, filter.Environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var query = new ExtensionQuery(tenants.Value, TextMatch.From(filter.Extension, filter.ExtensionExact), filter.UserId);
        var found = tenants.Value is [] ? [] : await _extensions.ListAsync(query, limits.MaxListResults + 1, cancellationToken);
        return found.Count switch
        {
            0 => Failures.NotFound("No extension matches the filter"),
            var n when n > limits.MaxListResults => Failures.TooManyResults(limits.MaxListResults),
            _ => Result<IReadOnlyList<Extension>>.Ok(found),
        };
    }

    /// <summary>Every extension the caller may see (in the environments the filter selects), in id order after <paramref name="afterId"/>: export.</summary>
    public async Task<Result<IReadOnlyList<Extension>>> PageAsync(Caller caller, TenantFilter? environment, long? afterId, int limit, CancellationToken cancellationToken)
    {
        var tenants = await access.SelectAsync(caller, environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var query = new ExtensionQuery(tenants.Value, null, null) { AfterId = afterId };
        return Result<IReadOnlyList<Extension>>.Ok(tenants.Value is [] ? [] : await _extensions.ListAsync(query, limit, cancellationToken));
    }

    /// <summary>
    /// A page of the extensions the caller may see that match the criteria, in id order after <paramref name="afterId"/>:
    /// the console's search, paged by key so a page costs the same at the millionth row as at the first.
    /// </summary>
    public async Task<Result<IReadOnlyList<Extension>>> SearchAsync(Caller caller, TenantFilter? environment, ExtensionQuery criteria, long? afterId, int limit, CancellationToken cancellationToken)
    {
        var tenants = await access.SelectAsync(caller, environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var query = criteria with { TenantIds = tenants.Value, AfterId = afterId, ByKey = true };
        return Result<IReadOnlyList<Extension>>.Ok(tenants.Value is [] ? [] : await _extensions.ListAsync(query, limit, cancellationToken));
    }

    /// <summary>
    /// The environment of the extension an update or delete names, and the key that finds it there. By id it is looked up
    /// in whichever environment holds it, so the environment may be left out; when
    /// <paramref name="addressNamesIt"/> (a delete: an update's address is the new value) both id and address are keys.
    /// </summary>
    private async Task<Result<(Tenant Tenant, ExtensionKey Key)>> LocateAsync(Caller caller, Extension input, ExtensionFields names, bool addressNamesIt, CancellationToken cancellationToken)
    {
        if (input.Id is { } id)
        {
            return await LocateByIdAsync(caller, input, id, names, addressNamesIt, cancellationToken);
        }
        var tenant = await access.ResolveAsync(caller, input.Tenant, names.Root, cancellationToken);
        return tenant.IsOk
            ? Result<(Tenant, ExtensionKey)>.Ok((tenant.Value, new ExtensionKey(tenant.Value.Id, null, input.Address)))
            : tenant.ToFailure();
    }

    private async Task<Result<(Tenant Tenant, ExtensionKey Key)>> LocateByIdAsync(Caller caller, Extension input, long id, ExtensionFields names, bool addressNamesIt, CancellationToken cancellationToken)
    {
        var idField = $"{names.Root}.id";
        if (Rules.Positive(id, idField) is { } invalid)
        {
            return invalid;
        }
        Tenant? named = null;
        if (!input.Tenant.IsEmpty)
        {
            var resolved = await access.ResolveAsync(caller, input.Tenant, names.Root, cancellationToken);
            if (!resolved.IsOk)
            {
                return resolved.ToFailure();
            }
            named = resolved.Value;
        }
        var stored = await _extensions.FindByIdAsync(id, cancellationToken);
        if (stored is null || !caller.MayActOn(stored.TenantId))
        {
            // No existence oracle: an Administrator naming no environment hears "Permission denied." for another tenant's id
            // and for one that does not exist alike; naming its own, "does not exist" for both.
            return named is not null || caller.IsSystemAdministrator ? Failures.DoesNotExist(idField, id) : Failures.PermissionDenied;
        }
        if (named is not null && named.Id != stored.TenantId)
        {
            return Failures.Illegal(string.Create(CultureInfo.InvariantCulture, $"{idField} {id} does not belong to environment {named.Eid}"));
        }
        if (addressNamesIt && !string.IsNullOrEmpty(input.Address) && Keys.Fold(input.Address) != Keys.Fold(stored.Address!))
        {
            return Failures.Illegal(string.Create(CultureInfo.InvariantCulture, $"{idField} {id} and {names.Address} '{input.Address}' name different extensions"));
        }
        var tenant = named is not null ? Result<Tenant>.Ok(named) : await access.ResolveAsync(caller, new TenantRef(stored.Tenant.Eid, null), names.Root, cancellationToken);
        var address = addressNamesIt && !string.IsNullOrEmpty(input.Address) ? input.Address : null;
        return tenant.IsOk ? Result<(Tenant, ExtensionKey)>.Ok((tenant.Value, new ExtensionKey(tenant.Value.Id, id, address))) : tenant.ToFailure();
    }

    private static ExtensionWrite Prepare(Extension input, MediaChange media, Tenant tenant, ExtensionFields names, out Failure? invalid)
    {
        invalid = media.Problem
            ?? Rules.RequiredText(input.Address, names.Address, ApiLimits.ExtensionLength)
            ?? Rules.Positive(input.Id, $"{names.Root}.id")
            ?? (input.User is { Id: null } ? Failures.Mandatory($"{names.Root}.user.id") : (Failure?)null)
            ?? Rules.Positive(input.User?.Id, $"{names.Root}.user.id");
        return new ExtensionWrite(tenant.Id, input.Address ?? string.Empty, input.Mode, media, input.User?.Id) { Tenant = new TenantRef(tenant.Eid, tenant.ShortName) };
    }

    private static Result ToResult(StoreWrite<Extension> write, Tenant tenant, Extension input, ExtensionFields names) => write.Status switch
    {
        WriteStatus.Ok => Result.Ok(),
        WriteStatus.Duplicate => Failures.ExtensionExists(tenant.Eid!, input.Address!),
        WriteStatus.MissingReference => Failures.DoesNotExist($"{names.Root}.user.id", input.User?.Id ?? 0),
        WriteStatus.NotFound => Failures.DoesNotExist(input.Id is { } id ? $"{names.Root}.id" : names.Address, input.Id?.ToString(CultureInfo.InvariantCulture) ?? input.Address!),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
