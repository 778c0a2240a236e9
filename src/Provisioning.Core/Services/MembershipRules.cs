using System.Globalization;
using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Core.Services;

/// <summary>Checks of the memberships a request carries, before the store checks them against what is stored.</summary>
internal static class MembershipRules
{
    /// <summary>A user's memberships as createUser or updateUser give them: each names a group once, exactly one is primary.</summary>
    public static Failure? CheckUserMemberships(IReadOnlyList<GroupMembership> memberships)
    {
        if (memberships.Count == 0)
        {
            return null;
        }
        for (var i = 0; i < memberships.Count; i++)
        {
            var field = Field("user.groupMemberships", i);
            var group = memberships[i].Group;
            if (group is null || (group.Id is null && string.IsNullOrEmpty(group.Name)))
            {
                return Failures.Mandatory($"{field}.group.id");
            }
        }
        var named = memberships.Select(m => m.Group!.Id?.ToString(CultureInfo.InvariantCulture) ?? Keys.Fold(m.Group!.Name!)).ToArray();
        if (named.Distinct().Count() != named.Length)
        {
            return Failures.Illegal("user.groupMemberships: a group is listed more than once");
        }
        var primaries = memberships.Count(m => m.Primary == true);
        return primaries == 1
            ? null
            : Failures.Illegal(string.Create(CultureInfo.InvariantCulture, $"user.groupMemberships: exactly one membership must be primary, {primaries} are"));
    }

    /// <summary>A group's members as createGroup or updateGroup give them: each names a user by id, once.</summary>
    public static Failure? CheckGroupMembers(IReadOnlyList<GroupMembership> members)
    {
        var seen = new HashSet<long>();
        for (var i = 0; i < members.Count; i++)
        {
            var field = Field("group.users", i);
            var userId = members[i].User?.Id ?? members[i].UserId;
            if (userId is null)
            {
                return Failures.Mandatory($"{field}.user.id");
            }
            if (Rules.Positive(userId, $"{field}.user.id") is { } bad)
            {
                return bad;
            }
            if (!seen.Add(userId.Value))
            {
                return Failures.Illegal(string.Create(CultureInfo.InvariantCulture, $"group.users: user {userId} is listed more than once"));
            }
        }
        return null;
    }

    /// <summary>
    /// Memberships bound for the store: ids resolved, read-only fields replaced. <paramref name="now"/> becomes the
    /// validity start of a membership that is new (a stored one keeps its own).
    /// </summary>
    public static IReadOnlyList<GroupMembership> Bind(IReadOnlyList<GroupMembership> members, DateTimeOffset now) =>
        members.Select(m => m with { Id = null, UserId = m.User?.Id ?? m.UserId, GroupId = m.Group?.Id ?? m.GroupId, ValidFrom = now, ValidUntil = null }).ToArray();

    private static string Field(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{list}[{index + 1}]");
}
