using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>
/// The meta attribute. The version is a weak ETag of the resource's content: the digest of its JSON without meta, so it
/// changes exactly when what a client reads changes, without a version column in the store.
/// </summary>
internal static class ScimMeta
{
    public static JsonObject Of(string resourceType, string location, JsonObject resource) => new()
    {
        ["resourceType"] = resourceType,
        ["location"] = location,
        ["version"] = VersionOf(resource),
    };

    public static string VersionOf(JsonObject resource)
    {
        var content = resource.ToJsonString();
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(content));
        return $"W/\"{Convert.ToHexStringLower(digest.AsSpan(0, 12))}\"";
    }

    public static string? VersionIn(JsonObject resource) =>
        (resource["meta"] as JsonObject)?["version"]?.GetValue<string>();
}
