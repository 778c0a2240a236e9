using Microsoft.Data.Sqlite;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Sqlite;

/// <summary>The user writes, each run by the writer inside one savepoint: a refusal rolls back all of it.</summary>
internal static class UserWrites
{
    private const string Fields = "display_name = @display, email = @email, crm_user_id = @crm, language = @language, time_zone = @tz, "
        + "valid_from = @from, valid_to = @to, locked = @locked, non_modifiable = @nonMod, password_expires = @pwExpires, "
        + "need_change_password = @needChange, observer_user_id = @obsUser, observer_group_id = @obsGroup, user_type = @type, "
        + "recorder_line_pin = @pin, agent_id = @agent, api_access_only = @apiOnly, custom_date_format = @dateFmt, "
        + "custom_time_format = @timeFmt, external_id = @external, external_id_key = @externalKey";

    public static StoreWrite<User> Create(SqliteConnection c, UserWrite write)
    {
        var user = write.User;
        if (MissingReference(c, user) is { } missing)
        {
            return StoreWrite<User>.MissingReference(missing);
        }
        var id = Sql.Insert(
            c,
            "INSERT INTO users (tenant_id, login_name, login_key, password_hash) VALUES (@t, @login, @key, @hash) ON CONFLICT DO NOTHING",
            ("@t", user.TenantId), ("@login", user.LoginName), ("@key", Keys.Fold(user.LoginName!)), ("@hash", write.PasswordHash));
        if (id is null)
        {
            return StoreWrite<User>.Duplicate("loginName");
        }
        return WriteRest(c, user with { Id = id }, created: true);
    }

    public static StoreWrite<User> Update(SqliteConnection c, UserWrite write)
    {
        var user = write.User;
        if (!Sql.Exists(c, "SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", ("@id", user.Id), ("@t", user.TenantId)))
        {
            return StoreWrite<User>.NotFound();
        }
        if (MissingReference(c, user) is { } missing)
        {
            return StoreWrite<User>.MissingReference(missing);
        }
        var loginKey = Keys.Fold(user.LoginName!);
        if (Sql.Exists(c, "SELECT 1 FROM users WHERE tenant_id = @t AND login_key = @k AND id <> @id", ("@t", user.TenantId), ("@k", loginKey), ("@id", user.Id)))
        {
            return StoreWrite<User>.Duplicate("loginName");
        }
        var admins = CountActiveAdministrators(c);
        Sql.Execute(
            c,
            "UPDATE users SET login_name = @login, login_key = @key, password_hash = COALESCE(@hash, password_hash) WHERE id = @id",
            ("@login", user.LoginName), ("@key", loginKey), ("@hash", write.PasswordHash), ("@id", user.Id));
        var result = WriteRest(c, user, created: false);
        return result.IsOk && admins > 0 && CountActiveAdministrators(c) == 0 ? StoreWrite<User>.Refused(LastAdministrator) : result;
    }

    public static StoreWrite<long> Delete(SqliteConnection c, long id)
    {
        var admins = CountActiveAdministrators(c);
        if (Sql.Execute(c, "DELETE FROM users WHERE id = @id", ("@id", id)) == 0)
        {
            return StoreWrite<long>.NotFound();
        }
        return admins > 0 && CountActiveAdministrators(c) == 0 ? StoreWrite<long>.Refused(LastAdministrator) : StoreWrite<long>.Ok(id);
    }

    private static readonly Failure LastAdministrator =
        Failures.Illegal("The last unlocked System Administrator cannot be deleted, locked or lose that role");

    private static StoreWrite<User> WriteRest(SqliteConnection c, User user, bool created)
    {
        Sql.Execute(c, $"UPDATE users SET {Fields} WHERE id = @id", [.. FieldParameters(user), ("@id", user.Id)]);
        ReplaceList(c, user.Id!.Value, "user_roles", "role, role_key", user.Roles, role => [role, Keys.Fold(role)]);
        ReplaceList(c, user.Id.Value, "user_customs", "value", user.Customs, custom => [custom]);
        if (UserExtensionWrites.Replace(c, user, created) is { } taken)
        {
            return StoreWrite<User>.Duplicate(taken);
        }
        if (MembershipWrites.Replace(c, user, created) is { } refusal)
        {
            return refusal.Status == WriteStatus.Refused
                ? StoreWrite<User>.Refused(refusal.Refusal!.Value)
                : new StoreWrite<User>(refusal.Status, null, refusal.Detail, null);
        }
        return StoreWrite<User>.Ok(UserRows.ReadOne(c, user.Id.Value, UserParts.All)!);
    }

    private static void ReplaceList(SqliteConnection c, long userId, string table, string columns, IReadOnlyList<string> values, Func<string, object[]> row)
    {
        Sql.Execute(c, $"DELETE FROM {table} WHERE user_id = @u", ("@u", userId));
        var placeholders = string.Join(", ", columns.Split(", ").Select((_, i) => $"@c{i}"));
        for (var position = 0; position < values.Count; position++)
        {
            var cells = row(values[position]).Select((v, i) => ($"@c{i}", (object?)v));
            Sql.Execute(c, $"INSERT INTO {table} (user_id, position, {columns}) VALUES (@u, @p, {placeholders})", [("@u", userId), ("@p", position), .. cells]);
        }
    }

    private static string? MissingReference(SqliteConnection c, User user)
    {
        if (user.ObserverUserId is { } observer && !Sql.Exists(c, "SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", ("@id", observer), ("@t", user.TenantId)))
        {
            return "observerUserId";
        }
        if (user.ObserverGroupId is { } group && !Sql.Exists(c, "SELECT 1 FROM groups WHERE id = @id AND tenant_id = @t", ("@id", group), ("@t", user.TenantId)))
        {
            return "observerGroupId";
        }
        return null;
    }

    private static long CountActiveAdministrators(SqliteConnection c) => Sql.ScalarInt64(
        c,
        "SELECT COUNT(*) FROM users u WHERE COALESCE(u.locked, 0) = 0 AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_key = @role)",
        ("@role", Keys.Fold(Roles.SystemAdministrator)))!.Value;

    private static (string, object?)[] FieldParameters(User u) =>
    [
        ("@display", u.DisplayName), ("@email", u.Email), ("@crm", u.CrmUserId), ("@language", u.Language), ("@tz", u.TimeZone),
        ("@from", u.ValidFrom), ("@to", u.ValidTo), ("@locked", u.Locked), ("@nonMod", u.NonModifiable), ("@pwExpires", u.PasswordExpires),
        ("@needChange", u.NeedChangePassword), ("@obsUser", u.ObserverUserId), ("@obsGroup", u.ObserverGroupId), ("@type", u.UserType),
        ("@pin", u.RecorderLinePin), ("@agent", u.AgentId), ("@apiOnly", u.ApiAccessOnly), ("@dateFmt", u.CustomDateFormat),
        ("@timeFmt", u.CustomTimeFormat), ("@external", u.ExternalId), ("@externalKey", u.ExternalId is null ? null : Keys.Fold(u.ExternalId)),
    ];
}
