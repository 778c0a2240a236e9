using Provisioning.Core.Model;
using Provisioning.Core.Results;

namespace Provisioning.Core.Import;

/// <summary>Values as text, the way the wire spells them: booleans true/false (1/0 read too), recording modes by name.</summary>
public static class WireText
{
    public static string Of(bool value) => value ? "true" : "false";

    /// <summary>An empty text is absent (null); anything but true, false, 1 and 0 is a failure naming the field.</summary>
    public static bool? Bool(string? text, string field, ref Failure? failure)
    {
        switch (text?.Trim())
        {
            case null or "": return null;
            case "1" or "true": return true;
            case "0" or "false": return false;
            default:
                failure ??= Failures.Invalid(field, text, "a boolean (true, false, 1 or 0)");
                return null;
        }
    }

    public static RecordingMode? Mode(string? text, string field, ref Failure? failure)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (RecordingModeNames.ByName.TryGetValue(trimmed, out var mode))
        {
            return mode;
        }
        failure ??= Failures.Invalid(field, trimmed, "one of " + RecordingModeNames.Allowed);
        return null;
    }

    /// <summary>A list in one field, items separated by '|' (addresses may hold ';' and ','), empty items dropped.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static string List(IEnumerable<string> items) => string.Join('|', items);
}
