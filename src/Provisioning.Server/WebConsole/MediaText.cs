using Provisioning.Core.Model;

namespace Provisioning.Server.WebConsole;

/// <summary>The modalities an extension records, as the console shows and edits them (directions are kept as stored).</summary>
public static class MediaText
{
    public static IReadOnlyList<(Modality Modality, string Name)> Modalities { get; } =
        [(Modality.Voice, "voice"), (Modality.Video, "video"), (Modality.Im, "im"), (Modality.Screen, "screen")];

    public static string Of(RecordedMedia media)
    {
        var on = Modalities.Where(m => media.Has(m.Modality)).Select(m => m.Name).ToArray();
        return on.Length == 0 ? "none" : string.Join(", ", on);
    }

    /// <summary>
    /// The stored media with the modalities switched as the form says: one turned on records every direction, one left on
    /// keeps the directions a v3 client chose.
    /// </summary>
    public static RecordedMedia Apply(RecordedMedia stored, IReadOnlyCollection<string> on)
    {
        var media = stored;
        foreach (var (modality, name) in Modalities)
        {
            var wanted = on.Contains(name, StringComparer.Ordinal);
            media = wanted && !stored.Has(modality) ? media.WithAllDirections(modality) : wanted ? media : media.Without(modality);
        }
        return media;
    }
}
