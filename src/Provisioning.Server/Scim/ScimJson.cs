using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>Attribute access on SCIM JSON: names ignore case (RFC 7643 §2.1), and a schema URN names an extension's object.</summary>
internal static class ScimJson
{
    public static JsonNode? Get(JsonObject? obj, string name)
    {
        if (obj is null)
        {
            return null;
        }
        if (obj.TryGetPropertyValue(name, out var exact))
        {
            return exact;
        }
        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }
        return null;
    }

    /// <summary>The key as the object spells it, or null when absent.</summary>
    public static string? KeyOf(JsonObject obj, string name) =>
        obj.ContainsKey(name) ? name : obj.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    public static void Remove(JsonObject obj, string name)
    {
        if (KeyOf(obj, name) is { } key)
        {
            obj.Remove(key);
        }
    }

    public static void Set(JsonObject obj, string name, JsonNode? value)
    {
        Remove(obj, name);
        obj[name] = value;
    }

    /// <summary>The object holding an attribute of <paramref name="schema"/>: the resource for a core attribute, else the extension's object (made when <paramref name="create"/>).</summary>
    public static JsonObject? Container(JsonObject resource, string? schema, bool create)
    {
        if (ScimSchemas.IsCore(schema))
        {
            return resource;
        }
        if (Get(resource, schema!) is JsonObject extension)
        {
            return extension;
        }
        if (!create)
        {
            return null;
        }
        var made = new JsonObject();
        Set(resource, schema!, made);
        return made;
    }

    /// <summary>Whether a value counts as present (RFC 7644 "pr"): not null, not an empty string, array or object.</summary>
    public static bool IsPresent(JsonNode? node) => node switch
    {
        null => false,
        JsonArray a => a.Count > 0,
        JsonObject o => o.Count > 0,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
