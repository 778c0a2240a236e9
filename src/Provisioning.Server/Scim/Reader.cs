using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Core.Model;

namespace Provisioning.Server.Scim;

/// <summary>
/// Typed reads of request JSON that keep the first problem as an invalidValue naming the attribute. Booleans may come
/// as the strings "True" and "False" (Entra ID sends them so).
/// </summary>
internal sealed class Reader
{
    public ScimError? Error { get; private set; }

    public string? Text(JsonObject obj, string name, string prefix = "")
    {
        var node = ScimJson.Get(obj, name);
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }
        return Fail($"{prefix}{name} must be a string");
    }

    public bool? Flag(JsonObject obj, string name)
    {
        var node = ScimJson.Get(obj, name);
        return node switch
        {
            null => null,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var parsed) => parsed,
            _ => FailFlag($"{name} must be true or false"),
        };
    }

    public JsonObject? Object(JsonObject obj, string name)
    {
        var node = ScimJson.Get(obj, name);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => FailObject($"{name} must be an object"),
        };
    }

    public List<JsonObject>? Elements(JsonObject obj, string name)
    {
        var node = ScimJson.Get(obj, name);
        if (node is null)
        {
            return null;
        }
        if (node is not JsonArray array || array.Any(e => e is not JsonObject))
        {
            Fail($"{name} must be an array of objects");
            return null;
        }
        return array.Cast<JsonObject>().ToList();
    }

    /// <summary>The distinct non-empty "value"s of a multi-valued attribute, in order.</summary>
    public IReadOnlyList<string> Values(JsonObject obj, string name)
    {
        var values = new List<string>();
        foreach (var element in Elements(obj, name) ?? [])
        {
            if (Text(element, "value", name + ".") is { Length: > 0 } value && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
            }
        }
        return values;
    }

    /// <summary>The type of each element's value (the first element of a value wins), at most <see cref="MaxTypeLength"/> characters.</summary>
    public IReadOnlyDictionary<string, string> Types(JsonObject obj, string name)
    {
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in Elements(obj, name) ?? [])
        {
            if (Text(element, "value", name + ".") is { Length: > 0 } value && Text(element, "type", name + ".") is { Length: > 0 } type)
            {
                if (type.Length > MaxTypeLength)
                {
                    Error ??= ScimError.InvalidValue($"{name}.type: at most {MaxTypeLength} characters");
                    continue;
                }
                types.TryAdd(value, type);
            }
        }
        return types;
    }

    public const int MaxTypeLength = 32;

    public RecordingMode? Mode(JsonObject verba)
    {
        var name = Text(verba, "recordingMode", ScimSchemas.VerbaUser + ":");
        if (name is null)
        {
            return null;
        }
        if (RecordingModeNames.ByName.TryGetValue(name, out var mode))
        {
            return mode;
        }
        Fail($"{ScimSchemas.VerbaUser}:recordingMode '{name}' is not one of {RecordingModeNames.Allowed}");
        return null;
    }

    public IReadOnlyList<Modality>? Media(JsonObject verba)
    {
        var node = ScimJson.Get(verba, "media");
        if (node is null)
        {
            return null;
        }
        var media = new List<Modality>();
        foreach (var item in node as JsonArray ?? [])
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !ModalityNames.TryParse(v.GetValue<string>(), out var modality))
            {
                Fail($"{ScimSchemas.VerbaUser}:media '{item?.ToJsonString()}' is not one of voice, video, im, screen");
                return null;
            }
            media.Add(modality);
        }
        if (node is not JsonArray)
        {
            Fail($"{ScimSchemas.VerbaUser}:media must be an array of strings");
            return null;
        }
        return media;
    }

    private string? Fail(string detail)
    {
        Error ??= ScimError.InvalidValue(detail);
        return null;
    }

    private bool? FailFlag(string detail)
    {
        Fail(detail);
        return null;
    }

    private JsonObject? FailObject(string detail)
    {
        Fail(detail);
        return null;
    }
}
