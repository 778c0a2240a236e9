using System.Globalization;
using Provisioning.Core.Model;
using Provisioning.Core.Results;
using Provisioning.Core.Security;

namespace Provisioning.Core.Services;

/// <summary>The field checks of a user as createUser and updateUser receive it.</summary>
internal static class UserRules
{
    public static Failure? Check(User user, string? passwordMd5, Caller caller)
    {
        return Rules.RequiredText(user.LoginName, "user.loginName", ApiLimits.LoginNameLength)
            ?? Rules.MaxLength(user.DisplayName, "user.displayName", ApiLimits.UserDisplayNameLength)
            ?? Rules.MaxLength(user.Email, "user.email", ApiLimits.EmailLength)
            ?? Rules.MaxLength(user.Language, "user.language", ApiLimits.LanguageLength)
            ?? Rules.MaxLength(user.TimeZone, "user.timeZone", ApiLimits.TimeZoneLength)
            ?? Rules.MaxLength(user.CrmUserId, "user.crmUserId", ApiLimits.TextLength)
            ?? Rules.MaxLength(user.RecorderLinePin, "user.recorderLinePIN", ApiLimits.TextLength)
            ?? Rules.MaxLength(user.AgentId, "user.agentId", ApiLimits.TextLength)
            ?? Rules.MaxLength(user.CustomDateFormat, "user.customDateFormat", ApiLimits.TextLength)
            ?? Rules.MaxLength(user.CustomTimeFormat, "user.customTimeFormat", ApiLimits.TextLength)
            ?? Rules.MaxLength(user.ExternalId, "user.externalId", ApiLimits.TextLength)
            ?? Rules.Positive(user.Id, "user.id")
            ?? Rules.Positive(user.ObserverUserId, "user.observerUserId")
            ?? Rules.Positive(user.ObserverGroupId, "user.observerGroupId")
            ?? Rules.Period(user.ValidFrom, user.ValidTo, "user.validFrom", "user.validTo")
            ?? Password(passwordMd5)
            ?? Strings(user.Roles, "user.roles", ApiLimits.RoleLength)
            ?? Strings(user.Customs, "user.customs", ApiLimits.TextLength)
            ?? Elevation(user, caller);
    }

    /// <summary>Only a System Administrator may make or change one: the role reaches every environment.</summary>
    public static Failure? Elevation(User user, Caller caller) =>
        !caller.IsSystemAdministrator && Roles.Holds(user.Roles, Roles.SystemAdministrator) ? Failures.PermissionDenied : null;

    private static Failure? Password(string? md5) =>
        md5 is null || PasswordHasher.IsMd5Hex(md5)
            ? null
            : Failures.Illegal(string.Create(
                CultureInfo.InvariantCulture,
                $"user.passwordHash is not valid: it must be the MD5 digest of the password as 32 hexadecimal characters (got {md5.Length} characters)"));

    private static Failure? Strings(IReadOnlyList<string> values, string field, int max)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var item = string.Create(CultureInfo.InvariantCulture, $"{field}[{i + 1}]");
            if (Rules.RequiredText(values[i], item, max) is { } failure)
            {
                return failure;
            }
        }
        return null;
    }
}
