namespace Provisioning.Core.Model;

/// <summary>
/// The set of (modality, direction) pairs an extension records, packed into twelve bits: three direction bits per
/// modality. One value serves both API versions: v2 sees a modality as on when any of its directions is.
/// </summary>
public readonly record struct RecordedMedia(int Bits)
{
    public const int DirectionCount = 3;
    public const int ModalityCount = 4;
    private const int AllDirectionBits = 0b111;

    public static RecordedMedia None => default;

    public static RecordedMedia VoiceOnly => None.WithAllDirections(Modality.Voice);

    public bool IsValid => Bits is >= 0 and < 1 << (DirectionCount * ModalityCount);

    public bool Has(Modality modality) => ((Bits >> Shift(modality)) & AllDirectionBits) != 0;

    public bool Has(Modality modality, Direction direction) => (Bits & Bit(modality, direction)) != 0;

    public RecordedMedia With(Modality modality, Direction direction) => new(Bits | Bit(modality, direction));

    public RecordedMedia WithAllDirections(Modality modality) => new(Bits | (AllDirectionBits << Shift(modality)));

    public RecordedMedia Without(Modality modality) => new(Bits & ~(AllDirectionBits << Shift(modality)));

    /// <summary>Turns a modality on or off as a v2 flag does: on keeps the directions it already has, or takes all.</summary>
    public RecordedMedia Switch(Modality modality, bool on)
    {
        if (!on)
        {
            return Without(modality);
        }
        return Has(modality) ? this : WithAllDirections(modality);
    }

    public IEnumerable<Direction> DirectionsOf(Modality modality)
    {
        foreach (var direction in Enum.GetValues<Direction>())
        {
            if (Has(modality, direction))
            {
                yield return direction;
            }
        }
    }

    private static int Shift(Modality modality) => (int)modality * DirectionCount;

    private static int Bit(Modality modality, Direction direction) => 1 << (Shift(modality) + (int)direction - 1);
}
