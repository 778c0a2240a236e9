using Provisioning.Core.Model;

namespace Provisioning.Core.Import;

/// <summary>
/// One extension as a file holds it: the wire field names as columns, every value as text, and the line it starts on.
/// Import reads these; export writes them, so what export writes import reads back unchanged.
/// </summary>
public sealed record ExtensionRecord(
    long Line,
    string? Eid,
    string? Extension,
    string? RecordingMode,
    string? Voice,
    string? Im,
    string? Video,
    string? ScreenCaptureEnabled,
    string? UserLoginName)
{
    public static IReadOnlyList<string> Columns { get; } = ["eid", "extension", "recordingMode", "voice", "im", "video", "screenCaptureEnabled", "userLoginName"];

    /// <summary>The columns a file must have; the others may be left out, which reads as empty (the create defaults).</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["eid", "extension"];

    public static ExtensionRecord From(Extension extension) => new(
        0,
        extension.Tenant.Eid,
        extension.Address,
        RecordingModeNames.Of(extension.Mode),
        WireText.Of(extension.Media.Has(Modality.Voice)),
        WireText.Of(extension.Media.Has(Modality.Im)),
        WireText.Of(extension.Media.Has(Modality.Video)),
        WireText.Of(extension.Media.Has(Modality.Screen)),
        extension.User?.LoginName);

    /// <summary>The values in <see cref="Columns"/> order.</summary>
    public string?[] Fields() => [Eid, Extension, RecordingMode, Voice, Im, Video, ScreenCaptureEnabled, UserLoginName];

    /// <summary>A record from values in <see cref="Columns"/> order.</summary>
    public static ExtensionRecord FromFields(long line, IReadOnlyList<string?> f) => new(line, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
}
