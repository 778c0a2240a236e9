using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Soap.Wire;

/// <summary>The wire spellings of enumerations, read ignoring case and written exactly.</summary>
public static class WireNames
{
    public static readonly IReadOnlyDictionary<string, RecordingMode> RecordingModes = new Dictionary<string, RecordingMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["FULL"] = RecordingMode.Full,
        ["ON_DEMAND"] = RecordingMode.OnDemand,
        ["CONTROLLED"] = RecordingMode.Controlled,
        ["CONTROLLED_AUTO_START"] = RecordingMode.ControlledAutoStart,
        ["DO_NOT_RECORD"] = RecordingMode.DoNotRecord,
    };

    public static readonly IReadOnlyDictionary<string, UserType> UserTypes = new Dictionary<string, UserType>(StringComparer.OrdinalIgnoreCase)
    {
        ["user_type_verba"] = UserType.Verba,
        ["user_type_shared_items"] = UserType.SharedItems,
    };

    public static string Of(RecordingMode mode) => mode switch
    {
        RecordingMode.Full => "FULL",
        RecordingMode.OnDemand => "ON_DEMAND",
        RecordingMode.Controlled => "CONTROLLED",
        RecordingMode.ControlledAutoStart => "CONTROLLED_AUTO_START",
        RecordingMode.DoNotRecord => "DO_NOT_RECORD",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

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
