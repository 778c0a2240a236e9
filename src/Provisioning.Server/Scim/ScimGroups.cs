using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.Core.Model;
using Provisioning.Core.Scim;
using Provisioning.Core.Services;
using Provisioning.Core.Storage;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// /Groups through <see cref="GroupService"/>: displayName is the group's name, members its memberships. A member added
/// here is an ordinary member (not primary: every user keeps the primary group it has); a member whose primary group this
/// is cannot be removed, as in updateGroup.
/// </summary>
internal sealed class ScimGroups(IProvisioningStore store, GroupService groups)
{
    public const int MaxGroups = 10_000;
    private static readonly HashSet<string> ReadOnly = new(StringComparer.OrdinalIgnoreCase) { "id", "meta" };

    public async Task<ScimOutcome> GetAsync(ScimToken token, string id, string baseUrl, CancellationToken cancellationToken) =>
        await FindAsync(token, id, cancellationToken) is { } group ? ScimOutcome.Ok(GroupResource.Render(group, baseUrl)) : Missing(id);

    /// <summary>displayName eq is a lookup by the name's index; any other filter is evaluated over the environment's groups.</summary>
    public async Task<(ScimPage? Page, ScimError? Error)> ListAsync(ScimToken token, ScimListRequest request, string baseUrl, CancellationToken cancellationToken)
    {
        string? sortBy = null;
        if (request.SortBy is { } requested)
        {
            var (attribute, invalid) = ScimSort.Check(requested, ScimSort.GroupAttributes);
            if (attribute is null)
            {
                return (null, invalid);
            }
            sortBy = attribute;
        }
        IReadOnlyList<Group> candidates = NamedIn(request.Filter) is { } name
            ? await store.Groups.FindByNameAsync(token.TenantId, name, cancellationToken) is { } found ? [found] : []
            : await store.Groups.ListAsync(new GroupQuery([token.TenantId], null), MaxGroups + 1, cancellationToken);
        if (candidates.Count > MaxGroups)
        {
            return (null, ScimError.TooMany(string.Create(CultureInfo.InvariantCulture, $"the environment has more than {MaxGroups} groups: filter by displayName eq")));
        }
        var matches = candidates.Select(g => GroupResource.Render(g, baseUrl)).Where(r => request.Filter is null || FilterEvaluator.Matches(request.Filter, r)).ToArray();
        if (sortBy is not null)
        {
            matches = ScimSort.Sort(matches, sortBy, ScimSort.GroupAttributes[sortBy], request.Descending);
        }
        return (new ScimPage(matches.Skip(request.StartIndex - 1).Take(request.Count).ToArray(), matches.Length), null);
    }

    public async Task<ScimOutcome> CreateAsync(ScimToken token, JsonObject body, string baseUrl, CancellationToken cancellationToken)
    {
        var (name, members, error) = GroupResource.Read(body);
        if (error is not null)
        {
            return error;
        }
        var group = new Group { Tenant = new TenantRef(token.Eid, null), Name = name, Members = Memberships(members, null) };
        var created = await groups.CreateAsync(ScimTokenService.CallerOf(token, "scim:createGroup"), group, cancellationToken);
        return created.IsOk ? ScimOutcome.Created(GroupResource.Render(created.Value, baseUrl)) : ScimFailures.Of(created.ToFailure());
    }

    public async Task<ScimOutcome> ReplaceAsync(ScimToken token, string id, JsonObject body, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, id, cancellationToken) is not { } stored)
        {
            return Missing(id);
        }
        return ScimPreconditions.Check(ifMatch, GroupResource.Render(stored, baseUrl)) is { } failed
            ? failed
            : await UpdateAsync(token, stored, body, "scim:replaceGroup", baseUrl, cancellationToken);
    }

    public async Task<ScimOutcome> PatchAsync(ScimToken token, string id, JsonNode? body, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, id, cancellationToken) is not { } stored)
        {
            return Missing(id);
        }
        var current = GroupResource.Render(stored, baseUrl);
        if (ScimPreconditions.Check(ifMatch, current) is { } failed)
        {
            return failed;
        }
        var patched = (JsonObject)current.DeepClone();
        if (ScimPatch.Apply(patched, body, ReadOnly) is { } invalid)
        {
            return invalid;
        }
        return JsonNode.DeepEquals(patched, current) ? ScimOutcome.Ok(current) : await UpdateAsync(token, stored, patched, "scim:patchGroup", baseUrl, cancellationToken);
    }

    public async Task<ScimOutcome> DeleteAsync(ScimToken token, string id, string? ifMatch, string baseUrl, CancellationToken cancellationToken)
    {
        if (await FindAsync(token, id, cancellationToken) is not { } stored)
        {
            return Missing(id);
        }
        if (ScimPreconditions.Check(ifMatch, GroupResource.Render(stored, baseUrl)) is { } failed)
        {
            return failed;
        }
        var deleted = await groups.DeleteAsync(ScimTokenService.CallerOf(token, "scim:deleteGroup"), stored.Id, cancellationToken);
        return deleted.IsOk ? ScimOutcome.NoContent : ScimFailures.Of(deleted.ToFailure());
    }

    private async Task<ScimOutcome> UpdateAsync(ScimToken token, Group stored, JsonObject body, string operation, string baseUrl, CancellationToken cancellationToken)
    {
        var (name, members, error) = GroupResource.Read(body);
        if (error is not null)
        {
            return error;
        }
        var group = stored with { Tenant = new TenantRef(token.Eid, null), Name = name, Members = Memberships(members, stored) };
        var updated = await groups.UpdateAsync(ScimTokenService.CallerOf(token, operation), group, updateUsers: true, cancellationToken);
        return updated.IsOk ? ScimOutcome.Ok(GroupResource.Render(updated.Value, baseUrl)) : ScimFailures.Of(updated.ToFailure());
    }

    /// <summary>The members as memberships: one the group has keeps its flags, a new one is an ordinary member.</summary>
    private static GroupMembership[] Memberships(IReadOnlyList<long> members, Group? stored) =>
        members.Select(userId => stored?.Members.FirstOrDefault(m => m.UserId == userId) is { } kept
            ? kept with { User = new User { Id = userId } }
            : new GroupMembership { User = new User { Id = userId }, Primary = false, Member = true, Admin = false, Supervisor = false }).ToArray();

    private async Task<Group?> FindAsync(ScimToken token, string id, CancellationToken cancellationToken)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var groupId) || groupId <= 0)
        {
            return null;
        }
        var group = await store.Groups.FindByIdAsync(groupId, cancellationToken);
        return group?.TenantId == token.TenantId ? group : null;
    }

    private static string? NamedIn(FilterNode? filter) => filter switch
    {
        FilterNode.Compare { Operator: "eq", Value: string name, Path: { Sub: null } path } when ScimSchemas.IsCore(path.Schema) && path.Name.Equals("displayName", StringComparison.OrdinalIgnoreCase) => name,
        FilterNode.And and => NamedIn(and.Left) ?? NamedIn(and.Right),
        _ => null,
    };

    private static ScimError Missing(string id) => ScimError.NotFound($"No group has id {id}");
}
