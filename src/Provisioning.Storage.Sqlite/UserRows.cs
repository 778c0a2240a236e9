using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>Reads users with the parts asked for, each part in one query for all the users read.</summary>
internal static class UserRows
{
    private const string Select = "SELECT u.id, u.tenant_id, t.eid, t.short_name, u.login_name, u.display_name, u.email, u.crm_user_id, "
        + "u.language, u.time_zone, u.valid_from, u.valid_to, u.locked, u.non_modifiable, u.password_expires, u.need_change_password, "
        + "u.observer_user_id, u.observer_group_id, u.user_type, u.recorder_line_pin, u.agent_id, u.api_access_only, "
        + "u.custom_date_format, u.custom_time_format, u.external_id FROM users u JOIN tenants t ON t.id = u.tenant_id";

    public static List<User> Read(SqliteConnection c, string where, UserParts parts, int limit, params (string, object?)[] parameters)
    {
        var command = Sql.Command(c, $"{Select} WHERE {where} ORDER BY u.id" + Sql.Limit(limit), parameters);
        var users = ReadRows(command);
        return users.Count == 0 || parts == UserParts.None ? users : AddParts(c, users, parts);
    }

    public static User? ReadOne(SqliteConnection c, long id, UserParts parts) =>
        Read(c, "u.id = @id", parts, 1, ("@id", id)).FirstOrDefault();

    private static List<User> AddParts(SqliteConnection c, List<User> users, UserParts parts)
    {
        var ids = Sql.JsonIds(users.Select(u => u.Id!.Value));
        var roles = parts.HasFlag(UserParts.Roles) ? Strings(c, "SELECT user_id, role FROM user_roles", ids) : null;
        var customs = parts.HasFlag(UserParts.Customs) ? Strings(c, "SELECT user_id, value FROM user_customs", ids) : null;
        var extensions = parts.HasFlag(UserParts.Extensions) ? Extensions(c, ids) : null;
        var memberships = parts.HasFlag(UserParts.Memberships) ? MembershipRows.ReadForUsers(c, ids) : null;
        return users.ConvertAll(u => u with
        {
            Roles = roles?[u.Id!.Value].ToArray() ?? [],
            Customs = customs?[u.Id!.Value].ToArray() ?? [],
            Extensions = extensions?[u.Id!.Value].ToArray() ?? [],
            Memberships = memberships?[u.Id!.Value].ToArray() ?? [],
        });
    }

    private static ILookup<long, string> Strings(SqliteConnection c, string select, string ids)
    {
        var command = Sql.Command(c, $"{select} WHERE user_id IN (SELECT value FROM json_each(@ids)) ORDER BY user_id, position", ("@ids", ids));
        using var r = command.ExecuteReader();
        var rows = new List<(long, string)>();
        while (r.Read())
        {
            rows.Add((r.GetInt64(0), r.GetString(1)));
        }
        return rows.ToLookup(x => x.Item1, x => x.Item2);
    }

    private static ILookup<long, Extension> Extensions(SqliteConnection c, string ids)
    {
        var command = Sql.Command(c, $"{ExtensionRows.Select} WHERE e.user_id IN (SELECT value FROM json_each(@ids)) ORDER BY e.id", ("@ids", ids));
        return ExtensionRows.ReadAll(command).ToLookup(x => x.UserId!.Value, x => x.Extension);
    }

    private static List<User> ReadRows(SqliteCommand command)
    {
        using var r = command.ExecuteReader();
        var users = new List<User>();
        while (r.Read())
        {
            users.Add(new User
            {
                Id = r.GetInt64(0),
                TenantId = r.GetInt64(1),
                Tenant = new TenantRef(r.GetString(2), r.GetString(3)),
                LoginName = r.GetString(4),
                DisplayName = r.Text(5),
                Email = r.Text(6),
                CrmUserId = r.Text(7),
                Language = r.Text(8),
                TimeZone = r.Text(9),
                ValidFrom = r.Time(10),
                ValidTo = r.Time(11),
                Locked = r.Bool(12),
                NonModifiable = r.Bool(13),
                PasswordExpires = r.Bool(14),
                NeedChangePassword = r.Bool(15),
                ObserverUserId = r.Int64(16),
                ObserverGroupId = r.Int64(17),
                UserType = r.Int32(18) is { } type ? (UserType)type : null,
                RecorderLinePin = r.Text(19),
                AgentId = r.Text(20),
                ApiAccessOnly = r.Bool(21),
                CustomDateFormat = r.Text(22),
                CustomTimeFormat = r.Text(23),
                ExternalId = r.Text(24),
            });
        }
        return users;
    }
}
