using Provisioning.Core.Results;

namespace Provisioning.Server.Scim;

/// <summary>Core's outcomes as SCIM errors, in one place; the message names the SCIM attribute for the field Core named.</summary>
internal static class ScimFailures
{
    private static readonly (string Field, string Attribute)[] Attributes =
    [
        ("user.loginName", "userName"), ("user.displayName", "displayName"), ("user.email", "emails"), ("user.language", "preferredLanguage"),
        ("user.timeZone", "timezone"), ("user.agentId", ScimSchemas.EnterpriseUser + ":employeeNumber"), ("user.externalId", "externalId"),
        ("user.passwordHash", "password"), ("user.extensions", "phoneNumbers"), ("extension", "phoneNumbers"), ("group.name", "displayName"),
        ("group.users", "members"), ("groupId", "id"), ("userId", "id"),
        ("This user already exists", "userName"), ("This extension already exists", "phoneNumbers"), ("This group already exists", "displayName"),
    ];

    public static ScimError Of(Failure failure)
    {
        var detail = Attributes.FirstOrDefault(a => failure.Message.Contains(a.Field, StringComparison.Ordinal)) is { Attribute: { } attribute }
            ? $"{attribute}: {failure.Message}"
            : failure.Message;
        return failure.Outcome switch
        {
            Outcome.AlreadyExists => ScimError.Uniqueness(detail),
            Outcome.NotFound => ScimError.NotFound(detail),
            Outcome.Unauthorized => new ScimError(StatusCodes.Status403Forbidden, null, detail),
            Outcome.TooManyResults => ScimError.TooMany(detail),
            Outcome.General => new ScimError(StatusCodes.Status500InternalServerError, null, "The request could not be completed"),
            _ => ScimError.InvalidValue(detail),
        };
    }
}
