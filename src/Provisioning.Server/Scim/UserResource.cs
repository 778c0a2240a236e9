using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.Core.Model;

namespace Provisioning.Server.Scim;

/// <summary>
/// A stored user as a SCIM User (RFC 7643 §4.1) with the enterprise and this project's extension; the mapping is the
/// table in docs/SCIM.md. What the model does not hold (name parts, phone and email types) is not written.
/// </summary>
internal static class UserResource
{
    public static JsonObject Render(User user, string baseUrl)
    {
        var location = $"{baseUrl}/Users/{Id(user.Id!.Value)}";
        var schemas = new JsonArray(ScimSchemas.User);
        var resource = new JsonObject { ["schemas"] = schemas, ["id"] = Id(user.Id!.Value) };
        Add(resource, "externalId", user.ExternalId);
        resource["userName"] = user.LoginName;
        if (!string.IsNullOrEmpty(user.DisplayName))
        {
            resource["name"] = new JsonObject { ["formatted"] = user.DisplayName };
            resource["displayName"] = user.DisplayName;
        }
        if (!string.IsNullOrEmpty(user.Email))
        {
            resource["emails"] = new JsonArray(new JsonObject { ["value"] = user.Email, ["type"] = "work", ["primary"] = true });
        }
        if (user.Extensions.Count > 0)
        {
            resource["phoneNumbers"] = new JsonArray(user.Extensions.OrderBy(e => e.Id).Select(e => (JsonNode)new JsonObject { ["value"] = e.Address, ["type"] = e.PhoneType ?? "work" }).ToArray());
        }
        Add(resource, "preferredLanguage", user.Language);
        Add(resource, "timezone", user.TimeZone);
        resource["active"] = user.Locked != true;
        if (user.Memberships.Count > 0)
        {
            resource["groups"] = new JsonArray(user.Memberships.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = Id(m.GroupId ?? m.Group!.Id!.Value),
                ["$ref"] = $"{baseUrl}/Groups/{Id(m.GroupId ?? m.Group!.Id!.Value)}",
                ["display"] = m.Group?.Name,
                ["type"] = "direct",
            }).ToArray());
        }
        if (!string.IsNullOrEmpty(user.AgentId))
        {
            schemas.Add(ScimSchemas.EnterpriseUser);
            resource[ScimSchemas.EnterpriseUser] = new JsonObject { ["employeeNumber"] = user.AgentId };
        }
        if (Recording(user.Extensions) is { } recording)
        {
            schemas.Add(ScimSchemas.VerbaUser);
            resource[ScimSchemas.VerbaUser] = recording;
        }
        resource["meta"] = ScimMeta.Of("User", location, resource);
        return resource;
    }

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>How the user's numbers are recorded, when they are all recorded alike (as a SCIM write leaves them); else nothing.</summary>
    private static JsonObject? Recording(IReadOnlyList<Extension> extensions)
    {
        if (extensions.Count == 0 || extensions.Any(e => e.Mode != extensions[0].Mode || ModalitiesOf(e.Media).SequenceEqual(ModalitiesOf(extensions[0].Media)) is false))
        {
            return null;
        }
        return new JsonObject
        {
            ["recordingMode"] = RecordingModeNames.Of(extensions[0].Mode),
            ["media"] = new JsonArray(ModalitiesOf(extensions[0].Media).Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
        };
    }

    public static IEnumerable<string> ModalitiesOf(RecordedMedia media) =>
        Enum.GetValues<Modality>().Where(media.Has).Select(ModalityNames.Of);

    private static void Add(JsonObject resource, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            resource[name] = value;
        }
    }
}
