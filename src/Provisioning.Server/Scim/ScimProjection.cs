using System.Text.Json.Nodes;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// attributes and excludedAttributes (RFC 7644 §3.4.2.5) applied to a resource as written: schemas and id are always
/// returned; a path may name a sub-attribute or an extension's attribute by its URN.
/// </summary>
internal sealed record ScimProjection(IReadOnlyList<AttributePath>? Attributes, IReadOnlyList<AttributePath> Excluded)
{
    public static ScimProjection All { get; } = new(null, []);

    public static (ScimProjection? Projection, ScimError? Error) Parse(string? attributes, string? excluded)
    {
        var (only, onlyError) = Paths(attributes, "attributes");
        var (without, withoutError) = Paths(excluded, "excludedAttributes");
        return (onlyError ?? withoutError) is { } error ? (null, error) : (new ScimProjection(only, without ?? []), null);
    }

    public JsonObject Apply(JsonObject resource)
    {
        if (Attributes is null && Excluded.Count == 0)
        {
            return resource;
        }
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (key is "schemas" or "id")
            {
                result[key] = value?.DeepClone();
                continue;
            }
            var isExtension = value is JsonObject && key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase);
            var kept = isExtension ? Extension(key, (JsonObject)value!) : Attribute(null, key, value);
            if (kept is not null)
            {
                result[key] = kept;
            }
        }
        return result;
    }

    private JsonObject? Extension(string schema, JsonObject extension)
    {
        var kept = new JsonObject();
        foreach (var (key, value) in extension)
        {
            if (Attribute(schema, key, value) is { } node)
            {
                kept[key] = node;
            }
        }
        return kept.Count > 0 ? kept : null;
    }

    private JsonNode? Attribute(string? schema, string name, JsonNode? value)
    {
        var matching = (IReadOnlyList<AttributePath> paths) => paths.Where(p => Same(p.Schema, schema) && p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matching(Excluded).Any(p => p.Sub is null))
        {
            return null;
        }
        var excludedSubs = matching(Excluded).Select(p => p.Sub!).ToList();
        if (Attributes is not null)
        {
            var wanted = matching(Attributes);
            if (wanted.Count == 0)
            {
                return null;
            }
            if (wanted.All(p => p.Sub is not null))
            {
                return Subs(value, sub => wanted.Any(p => p.Sub!.Equals(sub, StringComparison.OrdinalIgnoreCase)));
            }
        }
        return excludedSubs.Count == 0 ? value?.DeepClone() : Subs(value, sub => !excludedSubs.Contains(sub, StringComparer.OrdinalIgnoreCase));
    }

    private static JsonNode? Subs(JsonNode? value, Func<string, bool> keep) => value switch
    {
        JsonObject o => Keep(o, keep),
        JsonArray a => new JsonArray(a.OfType<JsonObject>().Select(e => (JsonNode)Keep(e, keep)).ToArray()),
        _ => value?.DeepClone(),
    };

    private static JsonObject Keep(JsonObject obj, Func<string, bool> keep)
    {
        var kept = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (keep(key))
            {
                kept[key] = value?.DeepClone();
            }
        }
        return kept;
    }

    private static bool Same(string? pathSchema, string? schema) =>
        schema is null ? ScimSchemas.IsCore(pathSchema) : string.Equals(pathSchema, schema, StringComparison.OrdinalIgnoreCase);

    private static (IReadOnlyList<AttributePath>? Paths, ScimError? Error) Paths(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        var paths = new List<AttributePath>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (AttributePath.Parse(part) is not { } path)
            {
                return (null, ScimError.InvalidValue($"{parameter}: '{part}' is not an attribute path"));
            }
            paths.Add(path);
        }
        return (paths, null);
    }
}
