using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>
/// /ServiceProviderConfig, /ResourceTypes and /Schemas (RFC 7644 §4): documents kept as JSON files beside this class,
/// describing exactly the attributes this service maps, with their locations made absolute for the request's base URL.
/// </summary>
internal static class ScimDiscovery
{
    private static readonly JsonArray Schemas = Load("schemas.json").AsArray();
    private static readonly JsonArray ResourceTypes = Load("resource-types.json").AsArray();
    private static readonly JsonObject Config = Load("service-provider-config.json").AsObject();

    public static JsonObject ServiceProviderConfig(string baseUrl) => Located(Config, baseUrl);

    public static IReadOnlyList<JsonObject> AllSchemas(string baseUrl) => Schemas.Select(s => Located(s!.AsObject(), baseUrl)).ToArray();

    public static IReadOnlyList<JsonObject> AllResourceTypes(string baseUrl) => ResourceTypes.Select(s => Located(s!.AsObject(), baseUrl)).ToArray();

    public static JsonObject? Schema(string id, string baseUrl) => Find(AllSchemas(baseUrl), id);

    public static JsonObject? ResourceType(string id, string baseUrl) => Find(AllResourceTypes(baseUrl), id);

    private static JsonObject? Find(IReadOnlyList<JsonObject> all, string id) =>
        all.FirstOrDefault(d => string.Equals(d["id"]?.GetValue<string>(), id, StringComparison.OrdinalIgnoreCase));

    private static JsonObject Located(JsonObject document, string baseUrl)
    {
        var copy = (JsonObject)document.DeepClone();
        if (copy["meta"] is JsonObject meta && meta["location"]?.GetValue<string>() is { } relative)
        {
            meta["location"] = $"{baseUrl}/{relative}";
        }
        return copy;
    }

    private static JsonNode Load(string name)
    {
        using var stream = typeof(ScimDiscovery).Assembly.GetManifestResourceStream("Scim." + name)
            ?? throw new InvalidOperationException($"The SCIM document {name} is not embedded in the server.");
        return JsonNode.Parse(stream)!;
    }
}
