using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Core.Model;

namespace Provisioning.Server.Scim;

/// <summary>A stored group as a SCIM Group (RFC 7643 §4.2): displayName is its name, members its memberships (users only).</summary>
internal static class GroupResource
{
    public static JsonObject Render(Group group, string baseUrl)
    {
        var id = UserResource.Id(group.Id!.Value);
        var resource = new JsonObject { ["schemas"] = new JsonArray(ScimSchemas.Group), ["id"] = id, ["displayName"] = group.Name };
        if (group.Members.Count > 0)
        {
            resource["members"] = new JsonArray(group.Members.OrderBy(m => m.UserId).Select(m => (JsonNode)new JsonObject
            {
                ["value"] = UserResource.Id(m.UserId!.Value),
                ["$ref"] = $"{baseUrl}/Users/{UserResource.Id(m.UserId!.Value)}",
                ["display"] = m.User?.DisplayName is { Length: > 0 } display ? display : m.User?.LoginName,
                ["type"] = "User",
            }).ToArray());
        }
        resource["meta"] = ScimMeta.Of("Group", $"{baseUrl}/Groups/{id}", resource);
        return resource;
    }

    /// <summary>The name and the member ids a request's Group gives; members must be users of this service, by id.</summary>
    public static (string? Name, IReadOnlyList<long> Members, ScimError? Error) Read(JsonObject json)
    {
        var reader = new Reader();
        var name = reader.Text(json, "displayName");
        var members = new List<long>();
        foreach (var element in reader.Elements(json, "members") ?? [])
        {
            if (ScimJson.Get(element, "type") is JsonValue type && type.GetValueKind() == JsonValueKind.String && !string.Equals(type.GetValue<string>(), "User", StringComparison.OrdinalIgnoreCase))
            {
                return (null, [], ScimError.InvalidValue($"members: a group holds users only, not '{type.GetValue<string>()}'"));
            }
            var value = reader.Text(element, "value", "members.");
            if (value is null || !long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId) || userId <= 0)
            {
                return (null, [], reader.Error ?? ScimError.InvalidValue($"members.value '{value}' is not the id of a user"));
            }
            if (!members.Contains(userId))
            {
                members.Add(userId);
            }
        }
        if (reader.Error is { } error)
        {
            return (null, [], error);
        }
        return string.IsNullOrEmpty(name) ? (null, [], ScimError.InvalidValue("displayName is required")) : (name, members, null);
    }
}
