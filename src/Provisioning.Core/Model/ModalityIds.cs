using System.Globalization;

namespace Provisioning.Core.Model;

/// <summary>The v3 ids: modalities voice, video, im, screen; directions 1 incoming, 2 outgoing, 3 internal.</summary>
public static class ModalityIds
{
    public const string Allowed = "voice, video, im, screen";
    public const string AllowedDirections = "1 (incoming), 2 (outgoing), 3 (internal)";

    public static string Of(Modality modality) => modality switch
    {
        Modality.Voice => "voice",
        Modality.Video => "video",
        Modality.Im => "im",
        _ => "screen",
    };

    public static bool TryParse(string? id, out Modality modality)
    {
        switch (id?.Trim().ToLowerInvariant())
        {
            case "voice": modality = Modality.Voice; return true;
            case "video": modality = Modality.Video; return true;
            case "im": modality = Modality.Im; return true;
            case "screen": modality = Modality.Screen; return true;
            default: modality = default; return false;
        }
    }

    public static bool TryParseDirection(string? id, out Direction direction)
    {
        var ok = int.TryParse(id?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3;
        direction = ok ? (Direction)n : default;
        return ok;
    }
}
