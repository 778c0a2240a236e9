using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>A user's group memberships: a new user without any becomes a primary member of the default group.</summary>
internal static class MembershipWrites
{
    /// <summary>Returns why the memberships could not be written, or null.</summary>
    public static StoreWrite<User>? Replace(SqliteConnection c, User user, bool created)
    {
        if (created && user.Memberships.Count == 0)
        {
            Sql.Execute(
                c,
                "INSERT INTO memberships (group_id, user_id, is_primary, is_member) SELECT id, @u, 1, 1 FROM groups WHERE tenant_id = @t AND is_default = 1",
                ("@u", user.Id), ("@t", user.TenantId));
        }
        return null;
    }
}
