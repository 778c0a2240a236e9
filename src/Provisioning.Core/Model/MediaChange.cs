namespace Provisioning.Core.Model;

/// <summary>
/// What a request says about the recorded media: v2 sends four flags, v3 the exact (modality, direction) pairs.
/// Applied to the stored value, so a v2 write keeps the directions v3 chose for modalities it leaves on.
/// </summary>
public abstract record MediaChange
{
    public abstract RecordedMedia ApplyTo(RecordedMedia current);

    /// <summary>Why the request's media cannot be stored (an unknown modality or direction), or null.</summary>
    public virtual Results.Failure? Problem => null;

    /// <summary>v2 flags; an omitted flag counts as its create default: voice on, the others off.</summary>
    public static MediaChange FromFlags(bool? voice, bool? video, bool? im, bool? screen) => new Flags(voice, video, im, screen);

    public static MediaChange Exactly(RecordedMedia media) => new Exact(media);

    /// <summary>v3 modalities: each names a modality and its directions; a modality without directions records all.</summary>
    public static MediaChange FromModalities(IReadOnlyList<ModalitySpec> modalities, string field)
    {
        var media = RecordedMedia.None;
        foreach (var spec in modalities)
        {
            if (!ModalityIds.TryParse(spec.Id, out var modality))
            {
                return new Invalid(Results.Failures.Invalid($"{field}.modalitiesForWS.id", spec.Id ?? string.Empty, "known modalities are " + ModalityIds.Allowed));
            }
            if (spec.Directions.Count == 0)
            {
                media = media.WithAllDirections(modality);
            }
            foreach (var id in spec.Directions)
            {
                if (!ModalityIds.TryParseDirection(id, out var direction))
                {
                    return new Invalid(Results.Failures.Invalid($"{field}.modalitiesForWS.directionsForWS.id", id, "known directions are " + ModalityIds.AllowedDirections));
                }
                media = media.With(modality, direction);
            }
        }
        return new Exact(media);
    }

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

    private sealed record Invalid(Results.Failure Why) : MediaChange
    {
        public override Results.Failure? Problem => Why;

        public override RecordedMedia ApplyTo(RecordedMedia current) => throw new InvalidOperationException(Why.Message);
    }
}
