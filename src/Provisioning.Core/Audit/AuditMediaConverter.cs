using System.Text.Json;
using System.Text.Json.Serialization;
using Provisioning.Core.Model;

namespace Provisioning.Core.Audit;

/// <summary>
/// Media as a list of "modality:direction" pairs; a modality recorded in every direction is written by its name alone
/// ("voice"), which is what almost every extension records and a third of the pairs' length.
/// </summary>
internal sealed class AuditMediaConverter : JsonConverter<RecordedMedia>
{
    public override RecordedMedia Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Audit JSON is written, never read back.");

    public override void Write(Utf8JsonWriter writer, RecordedMedia value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var modality in Enum.GetValues<Modality>())
        {
            if (value.Has(modality) && value.WithAllDirections(modality) == value)
            {
                writer.WriteStringValue(ModalityIds.Of(modality));
                continue;
            }
            foreach (var direction in value.DirectionsOf(modality))
            {
                writer.WriteStringValue($"{ModalityIds.Of(modality)}:{direction.ToString().ToLowerInvariant()}");
            }
        }
        writer.WriteEndArray();
    }
}
