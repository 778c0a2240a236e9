using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Provisioning.Core.Model;

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

    // The context's own options carry its naming, null handling and converters; the copy adds what attributes cannot.
    // A type the context does not list is still written, by reflection: a forgotten registration costs a little speed,
    // never a write (every audited write would fail on it).
    private static readonly JsonSerializerOptions Options = new(AuditJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(AuditJsonContext.Default, new DefaultJsonTypeInfoResolver()).WithAddedModifier(LeaveOutEnvironment),
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AuditValues Of(AuditChange change)
    {
        if (change.Before is null || change.After is null)
        {
            return new(Whole(change.Before, change.Key), Whole(change.After, change.Key));
        }
        var before = JsonSerializer.SerializeToElement(change.Before, change.Before.GetType(), Options);
        var after = JsonSerializer.SerializeToElement(change.After, change.After.GetType(), Options);
        return new(Write(w => WriteChanged(w, before, after)), Write(w => WriteChanged(w, after, before)));
    }

    /// <summary>The value without the field the entry's key holds: a copy with it null, which nulls-left-out then omits.</summary>
    private static string? Whole(object? value, string key) => value switch
    {
        null => null,
        Extension e when e.Address == key => Serialize(e with { Address = null }),
        User u when u.LoginName == key => Serialize(u with { LoginName = null }),
        Group g when g.Name == key => Serialize(g with { Name = null }),
        Tenant t when t.Eid == key => Serialize(t with { Eid = null }),
        StorageFolder f when f.Name == key => Serialize(f with { Name = null }),
        StoragePolicy p when p.Name == key => Serialize(p with { Name = null }),
        _ => Serialize(value),
    };

    private static string Serialize(object value) => JsonSerializer.Serialize(value, value.GetType(), Options);

    private static void LeaveOutEnvironment(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name is "tenantId" or "tenant")
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    /// <summary>The fields of <paramref name="mine"/> that differ from <paramref name="other"/>'s, and null for those only the other has.</summary>
    private static void WriteChanged(Utf8JsonWriter writer, JsonElement mine, JsonElement other)
    {
        writer.WriteStartObject();
        foreach (var property in mine.EnumerateObject())
        {
            var otherHas = other.TryGetProperty(property.Name, out var theirs);
            if (!property.NameEquals(IdField) && otherHas && JsonElement.DeepEquals(property.Value, theirs))
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
                property.Value.WriteTo(writer);
            }
        }
        foreach (var property in other.EnumerateObject())
        {
            if (!mine.TryGetProperty(property.Name, out _))
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
