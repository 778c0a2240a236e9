using System.Text.Json;
using System.Text.Json.Serialization;
using Provisioning.Core.Model;

namespace Provisioning.Core.Audit;

/// <summary>The JSON form of audited values: camelCase, nulls left out, enums by name, media as "modality:direction" pairs.</summary>
public static class AuditJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new MediaConverter() },
    };

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    private sealed class MediaConverter : JsonConverter<RecordedMedia>
    {
        public override RecordedMedia Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Audit JSON is written, never read back.");

        public override void Write(Utf8JsonWriter writer, RecordedMedia value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var modality in Enum.GetValues<Modality>())
            {
                foreach (var direction in value.DirectionsOf(modality))
                {
                    writer.WriteStringValue($"{ModalityIds.Of(modality)}:{direction.ToString().ToLowerInvariant()}");
                }
            }
            writer.WriteEndArray();
        }
    }
}
