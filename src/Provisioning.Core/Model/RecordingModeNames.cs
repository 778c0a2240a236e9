namespace Provisioning.Core.Model;

/// <summary>The wire spellings of <see cref="RecordingMode"/>, read ignoring case and written exactly; every front uses these.</summary>
public static class RecordingModeNames
{
    public static IReadOnlyDictionary<string, RecordingMode> ByName { get; } = new Dictionary<string, RecordingMode>(StringComparer.OrdinalIgnoreCase)
    {
        ["FULL"] = RecordingMode.Full,
        ["ON_DEMAND"] = RecordingMode.OnDemand,
        ["CONTROLLED"] = RecordingMode.Controlled,
        ["CONTROLLED_AUTO_START"] = RecordingMode.ControlledAutoStart,
        ["DO_NOT_RECORD"] = RecordingMode.DoNotRecord,
    };

    public static string Allowed { get; } = string.Join(", ", ByName.Keys);

    public static string Of(RecordingMode mode) => mode switch
    {
        RecordingMode.Full => "FULL",
        RecordingMode.OnDemand => "ON_DEMAND",
        RecordingMode.Controlled => "CONTROLLED",
        RecordingMode.ControlledAutoStart => "CONTROLLED_AUTO_START",
        RecordingMode.DoNotRecord => "DO_NOT_RECORD",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };
}
