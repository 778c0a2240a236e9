using Provisioning.Core.Model;
using Provisioning.Core.Storage;

namespace Provisioning.Storage;

/// <summary>The statements of user writes.</summary>
internal sealed partial class SqlWriteSession
{
    private const string UserFields = "login_name = @login, login_key = @key, password_hash = COALESCE(@hash, password_hash), "
        + "display_name = @display, email = @email, crm_user_id = @crm, language = @language, time_zone = @tz, "
        + "valid_from = @from, valid_to = @to, locked = @locked, non_modifiable = @nonMod, password_expires = @pwExpires, "
        + "need_change_password = @needChange, observer_user_id = @obsUser, observer_group_id = @obsGroup, user_type = @type, "
        + "recorder_line_pin = @pin, agent_id = @agent, api_access_only = @apiOnly, custom_date_format = @dateFmt, "
        + "custom_time_format = @timeFmt, external_id = @external, external_id_key = @externalKey";

    public ValueTask<User?> FindUserAsync(long id, UserParts parts) => UserRows.ReadOneAsync(c, id, parts);

    public ValueTask<long?> FindUserTenantAsync(long userId) => c.Int64Async("SELECT tenant_id FROM users WHERE id = @id", ("@id", userId));

    public ValueTask<bool> LoginTakenAsync(long tenantId, string loginKey, long exceptId) =>
        c.ExistsAsync("SELECT 1 FROM users WHERE tenant_id = @t AND login_key = @k AND id <> @id", ("@t", tenantId), ("@k", loginKey), ("@id", exceptId));

    public ValueTask<long?> InsertUserAsync(long tenantId, string loginName, string? passwordHash) => c.InsertAsync(
        "INSERT INTO users (tenant_id, login_name, login_key, password_hash) VALUES (@t, @login, @key, @hash) ON CONFLICT DO NOTHING",
        ("@t", tenantId), ("@login", loginName), ("@key", Keys.Fold(loginName)), ("@hash", passwordHash));

    public async ValueTask UpdateUserAsync(User u, string? passwordHash) => await c.ExecuteAsync(
        $"UPDATE users SET {UserFields} WHERE id = @id",
        ("@login", u.LoginName), ("@key", Keys.Fold(u.LoginName!)), ("@hash", passwordHash),
        ("@display", u.DisplayName), ("@email", u.Email), ("@crm", u.CrmUserId), ("@language", u.Language), ("@tz", u.TimeZone),
        ("@from", u.ValidFrom), ("@to", u.ValidTo), ("@locked", u.Locked), ("@nonMod", u.NonModifiable), ("@pwExpires", u.PasswordExpires),
        ("@needChange", u.NeedChangePassword), ("@obsUser", u.ObserverUserId), ("@obsGroup", u.ObserverGroupId), ("@type", u.UserType),
        ("@pin", u.RecorderLinePin), ("@agent", u.AgentId), ("@apiOnly", u.ApiAccessOnly), ("@dateFmt", u.CustomDateFormat),
        ("@timeFmt", u.CustomTimeFormat), ("@external", u.ExternalId), ("@externalKey", u.ExternalId is null ? null : Keys.Fold(u.ExternalId)),
        ("@id", u.Id));

    public async ValueTask ReplaceRolesAsync(long userId, IReadOnlyList<string> roles)
    {
        await c.ExecuteAsync("DELETE FROM user_roles WHERE user_id = @u", ("@u", userId));
        for (var position = 0; position < roles.Count; position++)
        {
            await c.ExecuteAsync(
                "INSERT INTO user_roles (user_id, position, role, role_key) VALUES (@u, @p, @v, @k)",
                ("@u", userId), ("@p", position), ("@v", roles[position]), ("@k", Keys.Fold(roles[position])));
        }
    }

    public async ValueTask ReplaceCustomsAsync(long userId, IReadOnlyList<string> customs)
    {
        await c.ExecuteAsync("DELETE FROM user_customs WHERE user_id = @u", ("@u", userId));
        for (var position = 0; position < customs.Count; position++)
        {
            await c.ExecuteAsync("INSERT INTO user_customs (user_id, position, value) VALUES (@u, @p, @v)", ("@u", userId), ("@p", position), ("@v", customs[position]));
        }
    }

    public async ValueTask<bool> DeleteUserAsync(long id) => await c.ExecuteAsync("DELETE FROM users WHERE id = @id", ("@id", id)) == 1;

    public async ValueTask<long> CountUnlockedHoldersAsync(string roleKey, long? userId) => await c.Int64Async(
        "SELECT COUNT(*) FROM users u WHERE COALESCE(u.locked, FALSE) = FALSE "
        + "AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_key = @role)" + (userId is null ? string.Empty : " AND u.id = @id"),
        ("@role", roleKey), ("@id", userId)) ?? 0;
}
