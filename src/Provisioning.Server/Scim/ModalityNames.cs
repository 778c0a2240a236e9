using Provisioning.Core.Model;

namespace Provisioning.Server.Scim;

/// <summary>The media of the Verba extension: modalities by name, every direction of each (the v2 flags' meaning).</summary>
internal static class ModalityNames
{
    public static string Of(Modality modality) => modality switch
    {
        Modality.Voice => "voice",
        Modality.Video => "video",
        Modality.Im => "im",
        _ => "screen",
    };

    public static bool TryParse(string? name, out Modality modality)
    {
        foreach (var candidate in Enum.GetValues<Modality>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.OrdinalIgnoreCase))
            {
                modality = candidate;
                return true;
            }
        }
        modality = default;
        return false;
    }
}
