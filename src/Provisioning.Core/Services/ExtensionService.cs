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
        // With an id the extension is found by it and the address may change; without, the address finds it.
        var key = new ExtensionKey(tenant.Value.Id, input.Id, input.Id is null ? input.Address : null);
        var write = await _extensions.UpdateAsync(key, extension, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, tenant.Value, input, names);
    }

    public async Task<Result> DeleteAsync(Caller caller, Extension input, ExtensionFields names, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, names.Root, cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        if (input.Id is null && string.IsNullOrEmpty(input.Address))
        {
            return Failures.Mandatory($"{names.Root}.id or {names.Address}");
        }
        var write = await _extensions.DeleteAsync(new ExtensionKey(tenant.Value.Id, input.Id, input.Address), caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, tenant.Value, input, names);
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
        WriteStatus.NotFound => Failures.DoesNotExist(input.Id is { } id ? $"{names.Root}.id" : names.Address, input.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? input.Address!),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
