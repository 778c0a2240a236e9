using Provisioning.Core.Model;

namespace Provisioning.Core.Tests.Model;

public sealed class RecordedMediaTests
{
    [Fact]
    public void Has_None_IsFalseForEveryModality()
    {
        Assert.All(Enum.GetValues<Modality>(), m => Assert.False(RecordedMedia.None.Has(m)));
    }

    [Fact]
    public void With_OneDirection_HasThatModalityInThatDirectionOnly()
    {
        var media = RecordedMedia.None.With(Modality.Video, Direction.Outgoing);

        Assert.True(media.Has(Modality.Video));
        Assert.True(media.Has(Modality.Video, Direction.Outgoing));
        Assert.False(media.Has(Modality.Video, Direction.Incoming));
        Assert.False(media.Has(Modality.Video, Direction.Internal));
    }

    [Fact]
    public void With_OneModality_LeavesOtherModalitiesOff()
    {
        var media = RecordedMedia.None.With(Modality.Im, Direction.Incoming);

        Assert.False(media.Has(Modality.Voice));
        Assert.False(media.Has(Modality.Video));
        Assert.False(media.Has(Modality.Screen));
    }

    [Fact]
    public void WithAllDirections_Modality_HasEveryDirection()
    {
        var media = RecordedMedia.None.WithAllDirections(Modality.Screen);

        Assert.Equal(Enum.GetValues<Direction>(), media.DirectionsOf(Modality.Screen));
        Assert.False(media.Has(Modality.Im));
    }

    [Fact]
    public void VoiceOnly_Always_RecordsVoiceInEveryDirectionAndNothingElse()
    {
        var media = RecordedMedia.VoiceOnly;

        Assert.Equal(Enum.GetValues<Direction>(), media.DirectionsOf(Modality.Voice));
        Assert.Equal(RecordedMedia.None.WithAllDirections(Modality.Voice), media);
    }

    [Fact]
    public void Without_Modality_RemovesAllItsDirectionsAndKeepsTheOthers()
    {
        var media = RecordedMedia.None
            .With(Modality.Voice, Direction.Incoming)
            .With(Modality.Voice, Direction.Internal)
            .With(Modality.Im, Direction.Outgoing);

        var result = media.Without(Modality.Voice);

        Assert.False(result.Has(Modality.Voice));
        Assert.Empty(result.DirectionsOf(Modality.Voice));
        Assert.True(result.Has(Modality.Im, Direction.Outgoing));
    }

    [Fact]
    public void Switch_OnWhenModalityHasDirections_KeepsThoseDirections()
    {
        var media = RecordedMedia.None.With(Modality.Voice, Direction.Incoming);

        var result = media.Switch(Modality.Voice, on: true);

        Assert.Equal([Direction.Incoming], result.DirectionsOf(Modality.Voice));
    }

    [Fact]
    public void Switch_OnWhenModalityIsOff_TakesAllDirections()
    {
        var result = RecordedMedia.None.Switch(Modality.Video, on: true);

        Assert.Equal(Enum.GetValues<Direction>(), result.DirectionsOf(Modality.Video));
    }

    [Fact]
    public void Switch_Off_RemovesEveryDirectionOfTheModality()
    {
        var media = RecordedMedia.None.With(Modality.Im, Direction.Outgoing).With(Modality.Voice, Direction.Incoming);

        var result = media.Switch(Modality.Im, on: false);

        Assert.False(result.Has(Modality.Im));
        Assert.True(result.Has(Modality.Voice, Direction.Incoming));
    }

    [Fact]
    public void DirectionsOf_TwoDirections_ReturnsThemInDirectionOrder()
    {
        var media = RecordedMedia.None.With(Modality.Voice, Direction.Internal).With(Modality.Voice, Direction.Incoming);

        Assert.Equal([Direction.Incoming, Direction.Internal], media.DirectionsOf(Modality.Voice));
    }

    [Fact]
    public void DirectionsOf_ModalityOff_IsEmpty()
    {
        Assert.Empty(RecordedMedia.VoiceOnly.DirectionsOf(Modality.Screen));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    public void IsValid_WithinTwelveBits_IsTrue(int bits)
    {
        Assert.True(new RecordedMedia(bits).IsValid);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(4096)]
    [InlineData(int.MaxValue)]
    [InlineData(int.MinValue)]
    public void IsValid_OutsideTwelveBits_IsFalse(int bits)
    {
        Assert.False(new RecordedMedia(bits).IsValid);
    }

    [Fact]
    public void IsValid_EveryModalityInEveryDirection_IsTrue()
    {
        var media = Enum.GetValues<Modality>().Aggregate(RecordedMedia.None, (m, modality) => m.WithAllDirections(modality));

        Assert.True(media.IsValid);
        Assert.Equal(4095, media.Bits);
    }
}
