using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Writes;

/// <summary>
/// Memberships seen from the user. A new user without any becomes a primary member of the default group; an update
/// without any leaves them as they are (an empty list cannot be told from an absent one, and none would be illegal).
/// Given memberships replace the user's: kept ones keep their id and validity start.
/// </summary>
internal static class UserMemberships
{
    /// <summary>Returns why the memberships could not be written, or null.</summary>
    public static async ValueTask<Failure?> ReplaceAsync(IWriteSession s, User user, bool created)
    {
        var userId = user.Id!.Value;
        if (user.Memberships.Count == 0)
        {
            if (created && await s.FindDefaultGroupAsync(user.TenantId) is { } defaultGroup)
            {
                await s.MakePrimaryMembersAsync(defaultGroup, [userId]);
            }
            return null;
        }
        foreach (var membership in user.Memberships)
        {
            if (membership.GroupId is not { } groupId || await s.FindGroupTenantAsync(groupId) != user.TenantId)
            {
                return Failures.DoesNotExist("user.groupMemberships.group.id", membership.GroupId ?? 0);
            }
        }
        // Demoted first, so the one-primary-per-user index never sees two during the upserts.
        await s.KeepMembershipsAsync(userId, user.Memberships.Select(m => m.GroupId!.Value).ToArray());
        foreach (var membership in user.Memberships)
        {
            await s.UpsertMembershipAsync(membership with { UserId = userId });
        }
        return null;
    }
}
