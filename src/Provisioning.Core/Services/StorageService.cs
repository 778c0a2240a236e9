using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>
/// The storage folder and policy operations of spec §8: create, update, delete, get by id (a policy also by name), list
/// all the caller may see or those of one environment. Rights as for groups: an Administrator acts on its own environment.
/// </summary>
public sealed class StorageService(IProvisioningStore store, TenantAccess access, ApiLimits limits, TimeProvider time)
{
    private const string FolderId = StorageRules.Folder + ".id";
    private const string PolicyId = StorageRules.Policy + ".id";
    private readonly IStorageStore _storage = store.Storage;

    public async Task<Result<StorageFolder>> CreateFolderAsync(Caller caller, StorageFolder input, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, StorageRules.Folder, cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var (folder, invalid) = StorageRules.CheckFolder(input);
        if (invalid is { } failure)
        {
            return failure;
        }
        var bound = folder! with { Id = null, TenantId = tenant.Value.Id, Tenant = tenant.Value.Ref };
        return FolderResult(await _storage.CreateFolderAsync(bound, caller.ActorAt(time.GetUtcNow()), cancellationToken), input);
    }

    public async Task<Result<StorageFolder>> UpdateFolderAsync(Caller caller, StorageFolder input, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, input.Id, FolderId, _storage.FindFolderAsync, f => f.TenantId, cancellationToken);
        var tenant = stored.IsOk ? await SameTenantAsync(caller, input.Tenant, stored.Value.Tenant, stored.Value.TenantId, StorageRules.Folder, cancellationToken) : stored.ToFailure();
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var (folder, invalid) = StorageRules.CheckFolder(input);
        if (invalid is { } failure)
        {
            return failure;
        }
        var bound = folder! with { TenantId = tenant.Value.Id, Tenant = tenant.Value.Ref };
        return FolderResult(await _storage.UpdateFolderAsync(bound, caller.ActorAt(time.GetUtcNow()), cancellationToken), input);
    }

    public async Task<Result> DeleteFolderAsync(Caller caller, long? id, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, id, "id", _storage.FindFolderAsync, f => f.TenantId, cancellationToken);
        return stored.IsOk
            ? FolderResult(await _storage.DeleteFolderAsync(id!.Value, caller.ActorAt(time.GetUtcNow()), cancellationToken), stored.Value).ToResult()
            : stored.ToFailure();
    }

    public async Task<Result<StorageFolder>> GetFolderAsync(Caller caller, long? id, CancellationToken cancellationToken) =>
        Found(await VisibleAsync(caller, id, "id", _storage.FindFolderAsync, f => f.TenantId, cancellationToken), "storage folder", id);

    public async Task<Result<IReadOnlyList<StorageFolder>>> ListFoldersAsync(Caller caller, string? eid, bool byEid, CancellationToken cancellationToken)
    {
        var tenants = await TenantsAsync(caller, eid, byEid, cancellationToken);
        return tenants.IsOk
            ? Listed(await _storage.ListFoldersAsync(tenants.Value, limits.MaxListResults + 1, cancellationToken), "storage folder")
            : tenants.ToFailure();
    }

    public async Task<Result<StoragePolicy>> CreatePolicyAsync(Caller caller, StoragePolicy input, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, StorageRules.Policy, cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var (policy, invalid) = StorageRules.CheckPolicy(input);
        if (invalid is { } failure)
        {
            return failure;
        }
        var bound = policy! with { Id = null, TenantId = tenant.Value.Id, Tenant = tenant.Value.Ref };
        return PolicyResult(await _storage.CreatePolicyAsync(bound, caller.ActorAt(time.GetUtcNow()), cancellationToken), input);
    }

    public async Task<Result<StoragePolicy>> UpdatePolicyAsync(Caller caller, StoragePolicy input, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, input.Id, PolicyId, _storage.FindPolicyAsync, p => p.TenantId, cancellationToken);
        var tenant = stored.IsOk ? await SameTenantAsync(caller, input.Tenant, stored.Value.Tenant, stored.Value.TenantId, StorageRules.Policy, cancellationToken) : stored.ToFailure();
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var (policy, invalid) = StorageRules.CheckPolicy(input);
        if (invalid is { } failure)
        {
            return failure;
        }
        var bound = policy! with { TenantId = tenant.Value.Id, Tenant = tenant.Value.Ref };
        return PolicyResult(await _storage.UpdatePolicyAsync(bound, caller.ActorAt(time.GetUtcNow()), cancellationToken), input);
    }

    public async Task<Result> DeletePolicyAsync(Caller caller, long? id, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, id, "id", _storage.FindPolicyAsync, p => p.TenantId, cancellationToken);
        return stored.IsOk
            ? PolicyResult(await _storage.DeletePolicyAsync(id!.Value, caller.ActorAt(time.GetUtcNow()), cancellationToken), stored.Value).ToResult()
            : stored.ToFailure();
    }

    public async Task<Result<StoragePolicy>> GetPolicyAsync(Caller caller, long? id, CancellationToken cancellationToken) =>
        Found(await VisibleAsync(caller, id, "id", _storage.FindPolicyAsync, p => p.TenantId, cancellationToken), "storage policy", id);

    public async Task<Result<StoragePolicy>> GetPolicyByNameAsync(Caller caller, string? name, TenantRef tenantRef, CancellationToken cancellationToken)
    {
        if (Rules.Required(name, "name") is { } missing)
        {
            return missing;
        }
        var tenant = await access.ResolveAsync(caller, tenantRef, "environment", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var policy = await _storage.FindPolicyByNameAsync(tenant.Value.Id, name!, cancellationToken);
        return policy is null ? Failures.NotFound($"The storage policy '{name}' was not found in environment {tenant.Value.Eid}") : Result<StoragePolicy>.Ok(policy);
    }

    public async Task<Result<IReadOnlyList<StoragePolicy>>> ListPoliciesAsync(Caller caller, string? eid, bool byEid, CancellationToken cancellationToken)
    {
        var tenants = await TenantsAsync(caller, eid, byEid, cancellationToken);
        return tenants.IsOk
            ? Listed(await _storage.ListPoliciesAsync(tenants.Value, limits.MaxListResults + 1, cancellationToken), "storage policy")
            : tenants.ToFailure();
    }

    /// <summary>The stored object with that id, when the caller may see it; "Permission denied." for an Administrator whether it exists or not.</summary>
    private static async Task<Result<T>> VisibleAsync<T>(Caller caller, long? id, string field, Func<long, CancellationToken, Task<T?>> find, Func<T, long> tenantOf, CancellationToken cancellationToken)
        where T : class
    {
        if ((Rules.Required(id, field) ?? Rules.Positive(id, field)) is { } invalid)
        {
            return invalid;
        }
        var found = await find(id!.Value, cancellationToken);
        if (found is null || !caller.MayActOn(tenantOf(found)))
        {
            return caller.IsSystemAdministrator ? Failures.DoesNotExist(field, id.Value) : Failures.PermissionDenied;
        }
        return Result<T>.Ok(found);
    }

    /// <summary>The environment an update names, which must be the one the object is in (an object never moves).</summary>
    private async Task<Result<Tenant>> SameTenantAsync(Caller caller, TenantRef named, TenantRef stored, long storedId, string field, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, named.IsEmpty ? stored : named, field, cancellationToken);
        return tenant.IsOk && tenant.Value.Id != storedId
            ? Failures.Illegal($"{field}.id belongs to environment {stored.Eid}, not to {tenant.Value.Eid}")
            : tenant;
    }

    /// <summary>The environments a list covers: the one <paramref name="eid"/> names (by eid), or all the caller may see.</summary>
    private async Task<Result<IReadOnlyList<long>?>> TenantsAsync(Caller caller, string? eid, bool byEid, CancellationToken cancellationToken)
    {
        if (!byEid)
        {
            return Result<IReadOnlyList<long>?>.Ok(caller.IsSystemAdministrator ? null : [caller.TenantId]);
        }
        var tenant = await access.ResolveAsync(caller, new TenantRef(eid, null), "environment", cancellationToken);
        return tenant.IsOk ? Result<IReadOnlyList<long>?>.Ok([tenant.Value.Id]) : tenant.ToFailure();
    }

    // A get by id answers NOT_FOUND for an id that is not there (spec §3), where a write names the argument.
    private static Result<T> Found<T>(Result<T> visible, string what, long? id) =>
        visible is { IsOk: false, Outcome: Outcome.IllegalArgument } && id > 0 ? Failures.NotFound($"The {what} with id {id} was not found") : visible;

    private Result<IReadOnlyList<T>> Listed<T>(IReadOnlyList<T> found, string what) => found.Count switch
    {
        0 => Failures.NotFound($"No {what} was found"),
        var n when n > limits.MaxListResults => Failures.TooManyResults(limits.MaxListResults),
        _ => Result<IReadOnlyList<T>>.Ok(found),
    };

    private static Result<StorageFolder> FolderResult(StoreWrite<StorageFolder> write, StorageFolder input) => write.Status switch
    {
        WriteStatus.Ok => Result<StorageFolder>.Ok(write.Value!),
        WriteStatus.Duplicate => Failures.Exists("storage folder", "name", input.Name!),
        WriteStatus.NotFound => Failures.DoesNotExist(FolderId, input.Id ?? 0),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };

    private static Result<StoragePolicy> PolicyResult(StoreWrite<StoragePolicy> write, StoragePolicy input) => write.Status switch
    {
        WriteStatus.Ok => Result<StoragePolicy>.Ok(write.Value!),
        WriteStatus.Duplicate => Failures.Exists("storage policy", "name", input.Name!),
        WriteStatus.MissingReference => Failures.DoesNotExist(StorageRules.Policy + ".storageFolder.id", write.KeyValue ?? string.Empty),
        WriteStatus.NotFound => Failures.DoesNotExist(PolicyId, input.Id ?? 0),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
