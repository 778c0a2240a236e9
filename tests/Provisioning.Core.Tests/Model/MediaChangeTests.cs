using Provisioning.Core.Model;

namespace Provisioning.Core.Tests.Model;

public sealed class MediaChangeTests
{
    private static readonly RecordedMedia VoiceIncomingAndImOutgoing = RecordedMedia.None
        .With(Modality.Voice, Direction.Incoming)
        .With(Modality.Im, Direction.Outgoing);

    [Fact]
    public void FromFlags_AllOmitted_RecordsVoiceOnly()
    {
        var result = MediaChange.FromFlags(null, null, null, null).ApplyTo(RecordedMedia.None);

        Assert.Equal(RecordedMedia.VoiceOnly, result);
    }

    [Fact]
    public void FromFlags_AllOmittedOverStoredMedia_TurnsOmittedNonVoiceModalitiesOff()
    {
        var stored = RecordedMedia.VoiceOnly.WithAllDirections(Modality.Video).WithAllDirections(Modality.Screen);

        var result = MediaChange.FromFlags(null, null, null, null).ApplyTo(stored);

        Assert.Equal(RecordedMedia.VoiceOnly, result);
    }

    [Fact]
    public void FromFlags_AllTrue_RecordsEveryModalityInEveryDirection()
    {
        var result = MediaChange.FromFlags(true, true, true, true).ApplyTo(RecordedMedia.None);

        Assert.All(Enum.GetValues<Modality>(), m => Assert.Equal(Enum.GetValues<Direction>(), result.DirectionsOf(m)));
    }

    [Fact]
    public void FromFlags_VoiceFalse_RecordsNothingWhenOthersOmitted()
    {
        var result = MediaChange.FromFlags(false, null, null, null).ApplyTo(RecordedMedia.VoiceOnly);

        Assert.Equal(RecordedMedia.None, result);
    }

    [Fact]
    public void FromFlags_ModalitiesLeftOn_KeepTheirStoredDirections()
    {
        var result = MediaChange.FromFlags(true, null, true, null).ApplyTo(VoiceIncomingAndImOutgoing);

        Assert.Equal(VoiceIncomingAndImOutgoing, result);
    }

    [Fact]
    public void FromFlags_OmittedVoiceOverStoredVoice_KeepsItsDirections()
    {
        var result = MediaChange.FromFlags(null, null, true, null).ApplyTo(VoiceIncomingAndImOutgoing);

        Assert.Equal([Direction.Incoming], result.DirectionsOf(Modality.Voice));
    }

    [Fact]
    public void FromFlags_FlagFalse_RemovesTheStoredModality()
    {
        var result = MediaChange.FromFlags(true, null, false, null).ApplyTo(VoiceIncomingAndImOutgoing);

        Assert.False(result.Has(Modality.Im));
        Assert.Equal([Direction.Incoming], result.DirectionsOf(Modality.Voice));
    }

    [Fact]
    public void FromFlags_FlagTurnedOn_TakesAllDirectionsOfThatModality()
    {
        var result = MediaChange.FromFlags(true, true, true, null).ApplyTo(VoiceIncomingAndImOutgoing);

        Assert.Equal(Enum.GetValues<Direction>(), result.DirectionsOf(Modality.Video));
    }

    [Fact]
    public void Exactly_AnyStoredMedia_ReplacesItWithTheGivenMedia()
    {
        var wanted = RecordedMedia.None.With(Modality.Screen, Direction.Internal);

        var result = MediaChange.Exactly(wanted).ApplyTo(VoiceIncomingAndImOutgoing);

        Assert.Equal(wanted, result);
    }

    [Fact]
    public void Exactly_None_RemovesEverything()
    {
        var result = MediaChange.Exactly(RecordedMedia.None).ApplyTo(RecordedMedia.VoiceOnly);

        Assert.Equal(RecordedMedia.None, result);
    }
}
