namespace Provisioning.Server.Scim;

/// <summary>An error answer of RFC 7644 §3.12: the HTTP status, the scimType where the RFC names one, and a detail naming the attribute.</summary>
internal sealed record ScimError(int Status, string? ScimType, string Detail)
{
    public static ScimError InvalidValue(string detail) => new(StatusCodes.Status400BadRequest, "invalidValue", detail);

    public static ScimError InvalidSyntax(string detail) => new(StatusCodes.Status400BadRequest, "invalidSyntax", detail);

    public static ScimError InvalidFilter(string detail) => new(StatusCodes.Status400BadRequest, "invalidFilter", detail);

    public static ScimError InvalidPath(string detail) => new(StatusCodes.Status400BadRequest, "invalidPath", detail);

    public static ScimError NoTarget(string detail) => new(StatusCodes.Status400BadRequest, "noTarget", detail);

    public static ScimError Mutability(string detail) => new(StatusCodes.Status400BadRequest, "mutability", detail);

    public static ScimError Uniqueness(string detail) => new(StatusCodes.Status409Conflict, "uniqueness", detail);

    public static ScimError TooMany(string detail) => new(StatusCodes.Status400BadRequest, "tooMany", detail);

    public static ScimError NotFound(string detail) => new(StatusCodes.Status404NotFound, null, detail);
}
