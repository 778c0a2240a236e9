using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>createUser, updateUser, deleteUser, getUserByLoginNameAndEnvironment and listUsers.</summary>
public sealed class UserService(IProvisioningStore store, TenantAccess access, PasswordHasher hasher, ApiLimits limits, TimeProvider time)
{
    /// <summary>Users per write transaction of <see cref="CreateAllAsync"/>.</summary>
    public const int BulkBatch = 500;

    private readonly IUserStore _users = store.Users;

    public async Task<Result<User>> CreateAsync(Caller caller, User input, string? passwordMd5, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, "user", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var prepared = await PrepareAsync(input with { Id = null }, passwordMd5, tenant.Value, caller, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.ToFailure();
        }
        var write = await _users.CreateAsync(prepared.Value, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, prepared.Value.User, tenant.Value);
    }

    /// <summary>
    /// createUser for many users, <see cref="BulkBatch"/> to a write transaction: each row is checked and audited as
    /// <see cref="CreateAsync"/> does, and answered in order as it would be (a refused row changes nothing, the others
    /// are created). For imports and seeding, where one transaction (one disk sync) per user would bound the rate.
    /// </summary>
    public async Task<IReadOnlyList<Result<User>>> CreateAllAsync(Caller caller, IReadOnlyList<(User Input, string? PasswordMd5)> rows, CancellationToken cancellationToken)
    {
        var results = new Result<User>[rows.Count];
        var tenants = new Dictionary<TenantRef, Result<Tenant>>();
        for (var start = 0; start < rows.Count; start += BulkBatch)
        {
            var pending = new List<(int Index, UserWrite Write, Tenant Tenant)>(BulkBatch);
            for (var i = start; i < Math.Min(start + BulkBatch, rows.Count); i++)
            {
                var (input, passwordMd5) = rows[i];
                if (!tenants.TryGetValue(input.Tenant, out var tenant))
                {
                    tenants[input.Tenant] = tenant = await access.ResolveAsync(caller, input.Tenant, "user", cancellationToken);
                }
                if (!tenant.IsOk)
                {
                    results[i] = tenant.ToFailure();
                    continue;
                }
                var prepared = await PrepareAsync(input with { Id = null }, passwordMd5, tenant.Value, caller, cancellationToken);
                if (prepared.IsOk)
                {
                    pending.Add((i, prepared.Value, tenant.Value));
                }
                else
                {
                    results[i] = prepared.ToFailure();
                }
            }
            if (pending.Count == 0)
            {
                continue;
            }
            var actor = caller.ActorAt(time.GetUtcNow());
            var writes = await _users.CreateAllAsync(pending.Select(p => p.Write).ToArray(), actor, cancellationToken);
            for (var j = 0; j < pending.Count; j++)
            {
                var (index, write, tenant) = pending[j];
                results[index] = writes is null
                    ? ToResult(await _users.CreateAsync(write, actor, cancellationToken), write.User, tenant)
                    : ToResult(writes[j], write.User, tenant);
            }
        }
        return results;
    }

    public Task<Result<User>> UpdateAsync(Caller caller, User input, string? passwordMd5, CancellationToken cancellationToken) =>
        UpdateAsync(caller, input, passwordMd5, null, cancellationToken);

    /// <summary>
    /// updateUser that goes ahead only when the stored user, as the write's own transaction reads it, satisfies
    /// <paramref name="expected"/> (a version the caller read): else <see cref="Failures.ChangedMeanwhile"/>, nothing written.
    /// </summary>
    public async Task<Result<User>> UpdateAsync(Caller caller, User input, string? passwordMd5, Func<User, bool>? expected, CancellationToken cancellationToken)
    {
        var target = await FindTargetAsync(caller, input, cancellationToken);
        if (!target.IsOk)
        {
            return target.ToFailure();
        }
        var (stored, tenant) = target.Value;
        if (UserRules.Elevation(stored, caller) is { } elevation)
        {
            return elevation;
        }
        var prepared = await PrepareAsync(input with { Id = stored.Id }, passwordMd5, tenant, caller, cancellationToken);
        if (!prepared.IsOk)
        {
            return prepared.ToFailure();
        }
        var write = await _users.UpdateAsync(prepared.Value with { Expected = expected }, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, prepared.Value.User, tenant);
    }

    public Task<Result> DeleteAsync(Caller caller, long? userId, CancellationToken cancellationToken) =>
        DeleteAsync(caller, userId, null, cancellationToken);

    /// <summary>deleteUser that goes ahead only when the stored user, as the delete's transaction reads it, satisfies <paramref name="expected"/>.</summary>
    public async Task<Result> DeleteAsync(Caller caller, long? userId, Func<User, bool>? expected, CancellationToken cancellationToken)
    {
        if ((Rules.Required(userId, "userId") ?? Rules.Positive(userId, "userId")) is { } invalid)
        {
            return invalid;
        }
        var stored = await _users.FindByIdAsync(userId!.Value, UserParts.Roles, cancellationToken);
        if (stored is null || !caller.MayActOn(stored.TenantId))
        {
            return caller.IsSystemAdministrator ? Failures.DoesNotExist("userId", userId.Value) : Failures.PermissionDenied;
        }
        if (UserRules.Elevation(stored, caller) is { } elevation)
        {
            return elevation;
        }
        var write = await _users.DeleteAsync(userId.Value, expected, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return write.Status switch
        {
            WriteStatus.Ok => Result.Ok(),
            WriteStatus.NotFound => Failures.DoesNotExist("userId", userId.Value),
            _ => write.Refusal ?? Failures.Illegal("The user cannot be deleted"),
        };
    }

    public async Task<Result<User>> GetByLoginAsync(Caller caller, string? loginName, TenantRef tenantRef, CancellationToken cancellationToken)
    {
        if (Rules.Required(loginName, "loginName") is { } missing)
        {
            return missing;
        }
        var tenant = await access.ResolveAsync(caller, tenantRef, "environment", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        var user = await _users.FindByLoginAsync(tenant.Value.Id, loginName!, UserParts.All, cancellationToken);
        return user is null
            ? Failures.NotFound($"The user '{loginName}' was not found in environment {tenant.Value.Eid}")
            : Result<User>.Ok(user);
    }

    public async Task<Result<UserListing>> ListAsync(Caller caller, UserFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new UserFilter();
        var tenants = await access.SelectAsync(caller, filter.Environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        var query = UserQueries.From(filter, tenants.Value, time.GetUtcNow());
        if (filter.JustCount == true)
        {
            var count = tenants.Value is [] ? 0 : await _users.CountAsync(query, cancellationToken);
            return Result<UserListing>.Ok(new UserListing(count, []));
        }
        IReadOnlyList<User> users = tenants.Value is [] ? [] : await _users.ListAsync(query, UserQueries.Parts(filter), limits.MaxListResults + 1, cancellationToken);
        return users.Count switch
        {
            0 => Failures.NotFound("No user matches the filter"),
            var n when n > limits.MaxListResults => Failures.TooManyResults(limits.MaxListResults),
            _ => Result<UserListing>.Ok(new UserListing(null, users)),
        };
    }

    private async Task<Result<(User Stored, Tenant Tenant)>> FindTargetAsync(Caller caller, User input, CancellationToken cancellationToken)
    {
        if (input.Id is { } id)
        {
            var stored = id > 0 ? await _users.FindByIdAsync(id, UserParts.Roles, cancellationToken) : null;
            if (stored is null || !caller.MayActOn(stored.TenantId))
            {
                return caller.IsSystemAdministrator ? Failures.DoesNotExist("user.id", id) : Failures.PermissionDenied;
            }
            var own = await access.ResolveAsync(caller, input.Tenant.IsEmpty ? stored.Tenant : input.Tenant, "user", cancellationToken);
            if (!own.IsOk)
            {
                return own.ToFailure();
            }
            return own.Value.Id == stored.TenantId
                ? Result<(User, Tenant)>.Ok((stored, own.Value))
                : Failures.Illegal($"user.id {id} does not belong to environment {own.Value.Eid}");
        }
        var tenant = await access.ResolveAsync(caller, input.Tenant, "user", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        if (Rules.Required(input.LoginName, "user.loginName") is { } missing)
        {
            return missing;
        }
        var byLogin = await _users.FindByLoginAsync(tenant.Value.Id, input.LoginName!, UserParts.Roles, cancellationToken);
        return byLogin is null ? Failures.DoesNotExist("user.loginName", input.LoginName!) : Result<(User, Tenant)>.Ok((byLogin, tenant.Value));
    }

    private async Task<Result<UserWrite>> PrepareAsync(User input, string? passwordMd5, Tenant tenant, Caller caller, CancellationToken cancellationToken)
    {
        var invalid = UserRules.Check(input, passwordMd5, caller)
            ?? EmbeddedExtensions.Check(input.Extensions, tenant)
            ?? MembershipRules.CheckUserMemberships(input.Memberships);
        if (invalid is { } failure)
        {
            return failure;
        }
        var memberships = await ResolveGroupsAsync(input.Memberships, tenant, cancellationToken);
        if (!memberships.IsOk)
        {
            return memberships.ToFailure();
        }
        var user = input with
        {
            TenantId = tenant.Id,
            Tenant = new TenantRef(tenant.Eid, tenant.ShortName),
            UserType = input.UserType ?? UserType.Verba,
            Extensions = [],
            Memberships = MembershipRules.Bind(memberships.Value, time.GetUtcNow()),
        };
        var hash = passwordMd5 is null ? null : hasher.Hash(passwordMd5.ToLowerInvariant());
        return Result<UserWrite>.Ok(new UserWrite(user, hash) { Extensions = EmbeddedExtensions.Bind(input.Extensions, tenant) });
    }

    /// <summary>Memberships may name their group by name instead of id; the name is looked up in the user's environment.</summary>
    private async Task<Result<IReadOnlyList<GroupMembership>>> ResolveGroupsAsync(IReadOnlyList<GroupMembership> memberships, Tenant tenant, CancellationToken cancellationToken)
    {
        var resolved = new List<GroupMembership>(memberships.Count);
        foreach (var membership in memberships)
        {
            if (membership.Group is { Id: null, Name: { } name })
            {
                var group = await store.Groups.FindByNameAsync(tenant.Id, name, cancellationToken);
                if (group is null)
                {
                    return Failures.DoesNotExist("user.groupMemberships.group.name", name);
                }
                resolved.Add(membership with { Group = group with { Members = [] } });
                continue;
            }
            resolved.Add(membership);
        }
        return Result<IReadOnlyList<GroupMembership>>.Ok(resolved);
    }

    private static Result<User> ToResult(StoreWrite<User> write, User user, Tenant tenant) => write.Status switch
    {
        WriteStatus.Ok => Result<User>.Ok(write.Value!),
        WriteStatus.Duplicate when write.Key == StoreKey.Extension => Failures.ExtensionExists(tenant.Eid!, write.KeyValue!),
        WriteStatus.Duplicate => Failures.Exists("user", "loginName", $"{tenant.Eid}:{user.LoginName}"),
        WriteStatus.MissingReference when write.Key == StoreKey.ObserverGroup => Failures.DoesNotExist("user.observerGroupId", user.ObserverGroupId ?? 0),
        WriteStatus.MissingReference => Failures.DoesNotExist("user.observerUserId", user.ObserverUserId ?? 0),
        WriteStatus.NotFound => Failures.DoesNotExist("user.id", user.Id ?? 0),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
