using System.Data.Common;
using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>Reads users with the parts asked for, each part in one query for all the users read.</summary>
internal static class UserRows
{
    private const string Select = "SELECT u.id, u.tenant_id, t.eid, t.short_name, u.login_name, u.display_name, u.email, u.crm_user_id, "
        + "u.language, u.time_zone, u.valid_from, u.valid_to, u.locked, u.non_modifiable, u.password_expires, u.need_change_password, "
        + "u.observer_user_id, u.observer_group_id, u.user_type, u.recorder_line_pin, u.agent_id, u.api_access_only, "
        + "u.custom_date_format, u.custom_time_format, u.external_id FROM users u JOIN tenants t ON t.id = u.tenant_id";

    public static ValueTask<List<User>> ReadAsync(SqlSession c, string where, UserParts parts, int limit, params (string, object?)[] parameters) =>
        ReadAsync(c, where, parts, limit, 0, parameters);

    /// <summary>With <paramref name="offset"/> above 0, the first so many in id order are left out (the offset is written into the SQL as the limit is).</summary>
    public static async ValueTask<List<User>> ReadAsync(SqlSession c, string where, UserParts parts, int limit, int offset, params (string, object?)[] parameters)
    {
        var skip = offset > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" OFFSET {offset}") : string.Empty;
        var users = await c.ListAsync($"{Select} WHERE {where} ORDER BY u.id" + SqlDialect.Limit(limit) + skip, ReadRow, parameters);
        return users.Count == 0 || parts == UserParts.None ? users : await AddPartsAsync(c, users, parts);
    }

    public static async ValueTask<User?> ReadOneAsync(SqlSession c, long id, UserParts parts) =>
        (await ReadAsync(c, "u.id = @id", parts, 1, ("@id", id))) is [var user] ? user : null;

    private static async ValueTask<List<User>> AddPartsAsync(SqlSession c, List<User> users, UserParts parts)
    {
        var ids = users.ConvertAll(u => u.Id!.Value);
        var roles = parts.HasFlag(UserParts.Roles) ? await StringsAsync(c, "SELECT user_id, role FROM user_roles", ids) : null;
        var customs = parts.HasFlag(UserParts.Customs) ? await StringsAsync(c, "SELECT user_id, value FROM user_customs", ids) : null;
        var extensions = parts.HasFlag(UserParts.Extensions) ? await ExtensionsAsync(c, ids) : null;
        var memberships = parts.HasFlag(UserParts.Memberships) ? await MembershipRows.ReadForUsersAsync(c, ids) : null;
        return users.ConvertAll(u => u with
        {
            Roles = roles?[u.Id!.Value].ToArray() ?? [],
            Customs = customs?[u.Id!.Value].ToArray() ?? [],
            Extensions = extensions?[u.Id!.Value].ToArray() ?? [],
            Memberships = memberships?[u.Id!.Value].ToArray() ?? [],
        });
    }

    private static async ValueTask<ILookup<long, string>> StringsAsync(SqlSession c, string select, List<long> ids) =>
        (await c.ListAsync($"{select} WHERE {c.Dialect.InList("user_id", "@ids")} ORDER BY user_id, position", r => (r.GetInt64(0), r.GetString(1)), ("@ids", ids)))
            .ToLookup(x => x.Item1, x => x.Item2);

    private static async ValueTask<ILookup<long, Extension>> ExtensionsAsync(SqlSession c, List<long> ids) =>
        (await c.ListAsync($"{ExtensionRows.Select} WHERE {c.Dialect.InList("e.user_id", "@ids")} ORDER BY e.id", ExtensionRows.Read, ("@ids", ids)))
            .ToLookup(x => x.UserId!.Value, x => x.Extension);

    private static User ReadRow(DbDataReader r) => new()
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
    };
}
