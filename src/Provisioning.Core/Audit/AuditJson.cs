using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provisioning.Core.Audit;

/// <summary>
/// The JSON form of audited values: camelCase, nulls left out, enums by name, media as in <see cref="AuditMediaConverter"/>,
/// and no escaping of what is safe in stored text ("+", letters of any script): the text is stored, never put in HTML.
/// A created or deleted value is written whole, but for its natural key field (address, loginName, name, eid), which the
/// entry's key holds verbatim. An update writes only what changed: before and after name the same fields, null where a
/// field was empty, plus the object's id, since the key can be what changed; nested objects are compared field by
/// field, lists whole. The environment (tenantId, tenant) is never written: the entry's eid names it, and no object
/// moves to another environment.
/// </summary>
public static class AuditJson
{
    private const string IdField = "id";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AuditValues Of(AuditChange change)
    {
        if (change.Before is null || change.After is null)
        {
            var keyField = KeyField(change.Entity);
            return new(Whole(change.Before, keyField, change.Key), Whole(change.After, keyField, change.Key));
        }
        var before = Element(change.Before);
        var after = Element(change.After);
        return new(Write(w => WriteChanged(w, before, after)), Write(w => WriteChanged(w, after, before)));
    }

    private static string? KeyField(string entity) => entity switch
    {
        AuditChange.Extension => "address",
        AuditChange.User => "loginName",
        AuditChange.Group => "name",
        AuditChange.Environment => "eid",
        _ => null,
    };

    private static string? Whole(object? value, string? keyField, string key)
    {
        if (value is null)
        {
            return null;
        }
        var element = Element(value);
        return Write(w => WriteFiltered(w, element, p => keyField is not null && p.NameEquals(keyField) && p.Value.ValueKind == JsonValueKind.String && p.Value.ValueEquals(key)));
    }

    private static JsonElement Element(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), AuditJsonContext.Default);

    private static bool IsEnvironment(JsonProperty property) => property.NameEquals("tenantId") || property.NameEquals("tenant");

    /// <summary>Writes <paramref name="element"/> without the environment fields at any depth, and without the top-level fields <paramref name="skip"/> names.</summary>
    private static void WriteFiltered(Utf8JsonWriter writer, JsonElement element, Func<JsonProperty, bool>? skip = null)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsEnvironment(property) && skip?.Invoke(property) != true)
                    {
                        writer.WritePropertyName(property.Name);
                        WriteFiltered(writer, property.Value);
                    }
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteFiltered(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The fields of <paramref name="mine"/> that differ from <paramref name="other"/>'s, and null for those only the other has.</summary>
    private static void WriteChanged(Utf8JsonWriter writer, JsonElement mine, JsonElement other)
    {
        writer.WriteStartObject();
        foreach (var property in mine.EnumerateObject())
        {
            var otherHas = other.TryGetProperty(property.Name, out var theirs);
            if (IsEnvironment(property) || (!property.NameEquals(IdField) && otherHas && JsonElement.DeepEquals(property.Value, theirs)))
            {
                continue;
            }
            writer.WritePropertyName(property.Name);
            if (otherHas && property.Value.ValueKind == JsonValueKind.Object && theirs.ValueKind == JsonValueKind.Object)
            {
                WriteChanged(writer, property.Value, theirs);
            }
            else
            {
                WriteFiltered(writer, property.Value);
            }
        }
        foreach (var property in other.EnumerateObject())
        {
            if (!IsEnvironment(property) && !mine.TryGetProperty(property.Name, out _))
            {
                writer.WriteNull(property.Name);
            }
        }
        writer.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
