using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Soap.Wire;

/// <summary>The wire spellings of enumerations, read ignoring case and written exactly.</summary>
public static class WireNames
{
    public static readonly IReadOnlyDictionary<string, RecordingMode> RecordingModes = RecordingModeNames.ByName;

    public static readonly IReadOnlyDictionary<string, UserType> UserTypes = new Dictionary<string, UserType>(StringComparer.OrdinalIgnoreCase)
    {
        ["user_type_verba"] = UserType.Verba,
        ["user_type_shared_items"] = UserType.SharedItems,
    };

    public static string Of(RecordingMode mode) => RecordingModeNames.Of(mode);

    public static string Of(UserType type) => type == UserType.SharedItems ? "user_type_shared_items" : "user_type_verba";

    /// <summary>The one place where business outcomes become status codes.</summary>
    public static string Of(Outcome outcome) => outcome switch
    {
        Outcome.Ok => "OK",
        Outcome.Unauthorized => "ERROR_UNAUTHORIZED",
        Outcome.IllegalArgument => "ERROR_ILLEGAL_ARGUMENT",
        Outcome.AlreadyExists => "ERROR_ALREADY_EXISTS",
        Outcome.NotFound => "ERROR_NOT_FOUND",
        Outcome.TooManyResults => "ERROR_TOO_MANY_RESULT",
        _ => "ERROR_GENERAL",
    };
}
