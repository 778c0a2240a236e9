using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Core.Services;

/// <summary>Turns the wire's UserFilter into a store query and the parts to read.</summary>
internal static class UserQueries
{
    public static UserQuery From(UserFilter filter, IReadOnlyList<long>? tenantIds, DateTimeOffset now) => new()
    {
        TenantIds = tenantIds,
        UserId = filter.UserId,
        LoginName = TextMatch.From(filter.LoginName, filter.LoginNameExact),
        Extension = TextMatch.From(filter.Extension, filter.ExtensionExact),
        ExternalId = TextMatch.From(filter.ExternalId, filter.ExternalIdExact),
        Group = TextMatch.From(filter.Group, filter.GroupExact),
        Role = TextMatch.From(filter.Role, filter.RoleExact),
        Inactive = filter.Inactive,
        Now = now,
    };

    public static UserParts Parts(UserFilter filter)
    {
        var parts = UserParts.All;
        if (filter.SkipExtensions == true)
        {
            parts &= ~UserParts.Extensions;
        }
        if (filter.SkipGroups == true)
        {
            parts &= ~UserParts.Memberships;
        }
        if (filter.SkipRoles == true)
        {
            parts &= ~UserParts.Roles;
        }
        return parts;
    }
}
