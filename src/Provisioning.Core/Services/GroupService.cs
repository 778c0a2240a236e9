using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>createGroup, updateGroup, deleteGroup, getGroupByNameAndEnvironment and listGroups.</summary>
public sealed class GroupService(IProvisioningStore store, TenantAccess access, ApiLimits limits, TimeProvider time)
{
    private readonly IGroupStore _groups = store.Groups;

    public async Task<Result<Group>> CreateAsync(Caller caller, Group input, CancellationToken cancellationToken)
    {
        var tenant = await access.ResolveAsync(caller, input.Tenant, "group", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        if ((Rules.RequiredText(input.Name, "group.name", ApiLimits.GroupNameLength) ?? MembershipRules.CheckGroupMembers(input.Members)) is { } invalid)
        {
            return invalid;
        }
        var write = await _groups.CreateAsync(Bind(input, tenant.Value) with { Id = null }, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, input);
    }

    public async Task<Result<Group>> UpdateAsync(Caller caller, Group input, bool? updateUsers, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, input.Id, "group.id", cancellationToken);
        if (!stored.IsOk)
        {
            return stored.ToFailure();
        }
        var tenant = await access.ResolveAsync(caller, input.Tenant.IsEmpty ? stored.Value.Tenant : input.Tenant, "group", cancellationToken);
        if (!tenant.IsOk)
        {
            return tenant.ToFailure();
        }
        if (tenant.Value.Id != stored.Value.TenantId)
        {
            return Failures.Illegal($"group.id {input.Id} does not belong to environment {tenant.Value.Eid}");
        }
        var replace = updateUsers == true;
        if ((Rules.RequiredText(input.Name, "group.name", ApiLimits.GroupNameLength) ?? (replace ? MembershipRules.CheckGroupMembers(input.Members) : null)) is { } invalid)
        {
            return invalid;
        }
        var write = await _groups.UpdateAsync(Bind(input, tenant.Value), replace, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return ToResult(write, input);
    }

    public async Task<Result> DeleteAsync(Caller caller, long? groupId, CancellationToken cancellationToken)
    {
        var stored = await VisibleAsync(caller, groupId, "groupId", cancellationToken);
        if (!stored.IsOk)
        {
            return stored.ToFailure();
        }
        if (stored.Value.IsDefault)
        {
            return Failures.DefaultGroupNotDeletable;
        }
        var write = await _groups.DeleteAsync(groupId!.Value, caller.ActorAt(time.GetUtcNow()), cancellationToken);
        return write.Status switch
        {
            WriteStatus.Ok => Result.Ok(),
            WriteStatus.NotFound => Failures.DoesNotExist("groupId", groupId.Value),
            _ => write.Refusal ?? Failures.DefaultGroupNotDeletable,
        };
    }

    public async Task<Result<Group>> GetByNameAsync(Caller caller, string? name, TenantRef tenantRef, CancellationToken cancellationToken)
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
        var group = await _groups.FindByNameAsync(tenant.Value.Id, name!, cancellationToken);
        return group is null ? Failures.NotFound($"The group '{name}' was not found in environment {tenant.Value.Eid}") : Result<Group>.Ok(group);
    }

    public async Task<Result<IReadOnlyList<Group>>> ListAsync(Caller caller, GroupFilter? filter, CancellationToken cancellationToken)
    {
        filter ??= new GroupFilter(null, null, null);
        var tenants = await access.SelectAsync(caller, filter.Environment, cancellationToken);
        if (!tenants.IsOk)
        {
            return tenants.ToFailure();
        }
        IReadOnlyList<Group> found = tenants.Value is []
            ? []
            : await _groups.ListAsync(new GroupQuery(tenants.Value, TextMatch.From(filter.Name, filter.NameExact)), limits.MaxListResults + 1, cancellationToken);
        return found.Count switch
        {
            0 => Failures.NotFound("No group matches the filter"),
            var n when n > limits.MaxListResults => Failures.TooManyResults(limits.MaxListResults),
            _ => Result<IReadOnlyList<Group>>.Ok(found),
        };
    }

    private async Task<Result<Group>> VisibleAsync(Caller caller, long? id, string field, CancellationToken cancellationToken)
    {
        if ((Rules.Required(id, field) ?? Rules.Positive(id, field)) is { } invalid)
        {
            return invalid;
        }
        var group = await _groups.FindByIdAsync(id!.Value, cancellationToken);
        if (group is null || !caller.MayActOn(group.TenantId))
        {
            return caller.IsSystemAdministrator ? Failures.DoesNotExist(field, id.Value) : Failures.PermissionDenied;
        }
        return Result<Group>.Ok(group);
    }

    private Group Bind(Group input, Tenant tenant) => input with
    {
        TenantId = tenant.Id,
        Tenant = new TenantRef(tenant.Eid, tenant.ShortName),
        IsDefault = false,
        Members = MembershipRules.Bind(input.Members, time.GetUtcNow()),
    };

    private static Result<Group> ToResult(StoreWrite<Group> write, Group input) => write.Status switch
    {
        WriteStatus.Ok => Result<Group>.Ok(write.Value!),
        WriteStatus.Duplicate => Failures.Exists("group", "name", input.Name!),
        WriteStatus.MissingReference => Failures.DoesNotExist("group.users.user.id", write.KeyValue ?? string.Empty),
        WriteStatus.NotFound => Failures.DoesNotExist("group.id", input.Id ?? 0),
        _ => write.Refusal ?? Failures.Illegal("The change was refused"),
    };
}
