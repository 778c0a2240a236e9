namespace Provisioning.Core.Model;

/// <summary>
/// What a request says about the recorded media: v2 sends four flags, v3 the exact (modality, direction) pairs.
/// Applied to the stored value, so a v2 write keeps the directions v3 chose for modalities it leaves on.
/// </summary>
public abstract record MediaChange
{
    public abstract RecordedMedia ApplyTo(RecordedMedia current);

    /// <summary>v2 flags; an omitted flag counts as its create default: voice on, the others off.</summary>
    public static MediaChange FromFlags(bool? voice, bool? video, bool? im, bool? screen) => new Flags(voice, video, im, screen);

    public static MediaChange Exactly(RecordedMedia media) => new Exact(media);

    private sealed record Flags(bool? Voice, bool? Video, bool? Im, bool? Screen) : MediaChange
    {
        public override RecordedMedia ApplyTo(RecordedMedia current) => current
            .Switch(Modality.Voice, Voice ?? true)
            .Switch(Modality.Video, Video ?? false)
            .Switch(Modality.Im, Im ?? false)
            .Switch(Modality.Screen, Screen ?? false);
    }

    private sealed record Exact(RecordedMedia Media) : MediaChange
    {
        public override RecordedMedia ApplyTo(RecordedMedia current) => Media;
    }
}
