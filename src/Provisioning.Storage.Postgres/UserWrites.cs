using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;
using Provisioning.Core.Storage;

namespace Provisioning.Storage.Postgres;

/// <summary>
/// The user writes, each one transaction: a refusal rolls back all of it. Each holds its environment's membership lock
/// from its first statement; one that could remove an unlocked System Administrator also holds the administrators'
/// lock, so two instances cannot each remove one of the last two.
/// </summary>
internal static class UserWrites
{
    private const string Fields = "display_name = @display, email = @email, crm_user_id = @crm, language = @language, time_zone = @tz, "
        + "valid_from = @from, valid_to = @to, locked = @locked, non_modifiable = @nonMod, password_expires = @pwExpires, "
        + "need_change_password = @needChange, observer_user_id = @obsUser, observer_group_id = @obsGroup, user_type = @type, "
        + "recorder_line_pin = @pin, agent_id = @agent, api_access_only = @apiOnly, custom_date_format = @dateFmt, "
        + "custom_time_format = @timeFmt, external_id = @external, external_id_key = @externalKey";

    private const string ActiveAdministrators = "FROM users u WHERE COALESCE(u.locked, false) = false "
        + "AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role_key = @role)";

    private static readonly Failure LastAdministrator =
        Failures.Illegal("The last unlocked System Administrator cannot be deleted, locked or lose that role");

    public static async Task<StoreWrite<User>> CreateAsync(Db c, UserWrite write)
    {
        var user = write.User;
        await Locks.MembershipsAsync(c, user.TenantId);
        if (await MissingReferenceAsync(c, user) is { } missing)
        {
            return StoreWrite<User>.MissingReference(missing);
        }
        var id = await c.Int64Async(
            "INSERT INTO users (tenant_id, login_name, login_key, password_hash) VALUES (@t, @login, @key, @hash) ON CONFLICT DO NOTHING RETURNING id",
            ("@t", user.TenantId), ("@login", user.LoginName), ("@key", Keys.Fold(user.LoginName!)), ("@hash", write.PasswordHash));
        if (id is null)
        {
            return StoreWrite<User>.Duplicate("loginName");
        }
        return await WriteRestAsync(c, user with { Id = id }, created: true);
    }

    /// <summary>Also returns the user as it was, read under the write's locks: the value this write replaces.</summary>
    public static async Task<(StoreWrite<User> Result, User? Before)> UpdateAsync(Db c, UserWrite write)
    {
        var user = write.User;
        await Locks.MembershipsAsync(c, user.TenantId);
        var before = user.Id is { } id ? await UserRows.ReadOneAsync(c, id, UserParts.All) : null;
        if (before is null || before.TenantId != user.TenantId)
        {
            return (StoreWrite<User>.NotFound(), before);
        }
        if (await MissingReferenceAsync(c, user) is { } missing)
        {
            return (StoreWrite<User>.MissingReference(missing), before);
        }
        var loginKey = Keys.Fold(user.LoginName!);
        if (await c.ExistsAsync("SELECT 1 FROM users WHERE tenant_id = @t AND login_key = @k AND id <> @id", ("@t", user.TenantId), ("@k", loginKey), ("@id", user.Id)))
        {
            return (StoreWrite<User>.Duplicate("loginName"), before);
        }
        var admins = await GuardAdministratorsAsync(c, user.Id!.Value);
        await c.ExecuteAsync(
            "UPDATE users SET login_name = @login, login_key = @key, password_hash = COALESCE(@hash, password_hash) WHERE id = @id",
            ("@login", user.LoginName), ("@key", loginKey), ("@hash", write.PasswordHash), ("@id", user.Id));
        var result = await WriteRestAsync(c, user, created: false);
        return (result.IsOk && admins > 0 && await CountActiveAdministratorsAsync(c) == 0 ? StoreWrite<User>.Refused(LastAdministrator) : result, before);
    }

    /// <summary>Also returns the user as it was, read under the write's locks.</summary>
    public static async Task<(StoreWrite<long> Result, User? Before)> DeleteAsync(Db c, long id)
    {
        // A user never changes environment, so its environment is known before the lock is taken.
        if (await c.Int64Async("SELECT tenant_id FROM users WHERE id = @id", ("@id", id)) is not { } tenantId)
        {
            return (StoreWrite<long>.NotFound(), null);
        }
        await Locks.MembershipsAsync(c, tenantId);
        var before = await UserRows.ReadOneAsync(c, id, UserParts.All);
        var admins = await GuardAdministratorsAsync(c, id);
        if (await c.ExecuteAsync("DELETE FROM users WHERE id = @id", ("@id", id)) == 0)
        {
            return (StoreWrite<long>.NotFound(), null);
        }
        return (admins > 0 && await CountActiveAdministratorsAsync(c) == 0 ? StoreWrite<long>.Refused(LastAdministrator) : StoreWrite<long>.Ok(id), before);
    }

    /// <summary>
    /// The number of unlocked System Administrators before the write, counted under the administrators' lock when the
    /// user is one of them; 0 (nothing to guard) when it is not, for then the write cannot lower that number. The user's
    /// own roles and lock cannot change meanwhile: every write of them holds the membership lock this write holds.
    /// </summary>
    private static async Task<long> GuardAdministratorsAsync(Db c, long userId)
    {
        if (!await c.ExistsAsync($"SELECT 1 {ActiveAdministrators} AND u.id = @id", ("@role", Keys.Fold(Roles.SystemAdministrator)), ("@id", userId)))
        {
            return 0;
        }
        await Locks.AdministratorsAsync(c);
        return await CountActiveAdministratorsAsync(c);
    }

    private static async Task<StoreWrite<User>> WriteRestAsync(Db c, User user, bool created)
    {
        await c.ExecuteAsync($"UPDATE users SET {Fields} WHERE id = @id", [.. FieldParameters(user), ("@id", user.Id)]);
        await ReplaceListAsync(c, user.Id!.Value, "user_roles", "role, role_key", user.Roles, role => [role, Keys.Fold(role)]);
        await ReplaceListAsync(c, user.Id.Value, "user_customs", "value", user.Customs, custom => [custom]);
        if (await UserExtensionWrites.ReplaceAsync(c, user, created) is { } taken)
        {
            return StoreWrite<User>.Duplicate(taken);
        }
        if (await MembershipWrites.ReplaceAsync(c, user, created) is { } refusal)
        {
            return refusal.Status == WriteStatus.Refused
                ? StoreWrite<User>.Refused(refusal.Refusal!.Value)
                : new StoreWrite<User>(refusal.Status, null, refusal.Detail, null);
        }
        return StoreWrite<User>.Ok((await UserRows.ReadOneAsync(c, user.Id.Value, UserParts.All))!);
    }

    private static async Task ReplaceListAsync(Db c, long userId, string table, string columns, IReadOnlyList<string> values, Func<string, object[]> row)
    {
        await c.ExecuteAsync($"DELETE FROM {table} WHERE user_id = @u", ("@u", userId));
        var placeholders = string.Join(", ", columns.Split(", ").Select((_, i) => $"@c{i}"));
        for (var position = 0; position < values.Count; position++)
        {
            var cells = row(values[position]).Select((v, i) => ($"@c{i}", (object?)v));
            await c.ExecuteAsync($"INSERT INTO {table} (user_id, position, {columns}) VALUES (@u, @p, {placeholders})", [("@u", userId), ("@p", position), .. cells]);
        }
    }

    private static async Task<string?> MissingReferenceAsync(Db c, User user)
    {
        if (user.ObserverUserId is { } observer && !await c.ExistsAsync("SELECT 1 FROM users WHERE id = @id AND tenant_id = @t", ("@id", observer), ("@t", user.TenantId)))
        {
            return "observerUserId";
        }
        if (user.ObserverGroupId is { } group && !await c.ExistsAsync("SELECT 1 FROM groups WHERE id = @id AND tenant_id = @t", ("@id", group), ("@t", user.TenantId)))
        {
            return "observerGroupId";
        }
        return null;
    }

    private static async Task<long> CountActiveAdministratorsAsync(Db c) =>
        await c.Int64Async($"SELECT COUNT(*) {ActiveAdministrators}", ("@role", Keys.Fold(Roles.SystemAdministrator))) ?? 0;

    private static (string, object?)[] FieldParameters(User u) =>
    [
        ("@display", u.DisplayName), ("@email", u.Email), ("@crm", u.CrmUserId), ("@language", u.Language), ("@tz", u.TimeZone),
        ("@from", u.ValidFrom), ("@to", u.ValidTo), ("@locked", u.Locked), ("@nonMod", u.NonModifiable), ("@pwExpires", u.PasswordExpires),
        ("@needChange", u.NeedChangePassword), ("@obsUser", u.ObserverUserId), ("@obsGroup", u.ObserverGroupId), ("@type", u.UserType),
        ("@pin", u.RecorderLinePin), ("@agent", u.AgentId), ("@apiOnly", u.ApiAccessOnly), ("@dateFmt", u.CustomDateFormat),
        ("@timeFmt", u.CustomTimeFormat), ("@external", u.ExternalId), ("@externalKey", u.ExternalId is null ? null : Keys.Fold(u.ExternalId)),
    ];
}
