using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Core.Model;

namespace Provisioning.Server.Scim;

/// <summary>
/// What a SCIM User in a request says, read by the mapping of docs/SCIM.md; every wrong type is an invalidValue naming
/// the attribute. <see cref="RecordingGiven"/> is whether the request set the Verba extension (a PATCH that did not
/// leaves the recording of kept numbers alone and records new ones as the environment records by default).
/// </summary>
internal sealed record UserInput
{
    public string? LoginName { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public bool? Active { get; init; }

    public string? ExternalId { get; init; }

    public string? Language { get; init; }

    public string? TimeZone { get; init; }

    public string? AgentId { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<string> Numbers { get; init; } = [];

    /// <summary>The type each number was sent with (work, mobile, …), by number ignoring case; a number sent without one is absent.</summary>
    public IReadOnlyDictionary<string, string> NumberTypes { get; init; } = new Dictionary<string, string>();

    public RecordingMode? Mode { get; init; }

    public IReadOnlyList<Modality>? Media { get; init; }

    public bool RecordingGiven { get; init; }

    /// <summary>Reads <paramref name="json"/>; <paramref name="before"/> is the resource a PATCH started from, null for POST and PUT.</summary>
    public static (UserInput? Input, ScimError? Error) Read(JsonObject json, JsonObject? before)
    {
        var reader = new Reader();
        var enterprise = reader.Object(json, ScimSchemas.EnterpriseUser);
        var verba = reader.Object(json, ScimSchemas.VerbaUser);
        var input = new UserInput
        {
            LoginName = reader.Text(json, "userName"),
            DisplayName = ReadDisplayName(reader, json, before),
            Email = ReadEmail(reader, json),
            Active = reader.Flag(json, "active"),
            ExternalId = reader.Text(json, "externalId"),
            Language = reader.Text(json, "preferredLanguage"),
            TimeZone = reader.Text(json, "timezone"),
            AgentId = enterprise is null ? null : reader.Text(enterprise, "employeeNumber", ScimSchemas.EnterpriseUser + ":"),
            Password = reader.Text(json, "password"),
            Numbers = reader.Values(json, "phoneNumbers"),
            NumberTypes = reader.Types(json, "phoneNumbers"),
            Mode = verba is null ? null : reader.Mode(verba),
            Media = verba is null ? null : reader.Media(verba),
            RecordingGiven = verba is not null && (before is null || !JsonNode.DeepEquals(verba, ScimJson.Get(before, ScimSchemas.VerbaUser))),
        };
        if (reader.Error is null && string.IsNullOrEmpty(input.LoginName))
        {
            return (null, ScimError.InvalidValue("userName is required"));
        }
        return reader.Error is { } error ? (null, error) : (input, null);
    }

    /// <summary>displayName, else name.formatted; after a PATCH that changed only name.formatted, that one.</summary>
    private static string? ReadDisplayName(Reader reader, JsonObject json, JsonObject? before)
    {
        var display = reader.Text(json, "displayName");
        var formatted = reader.Object(json, "name") is { } name ? reader.Text(name, "formatted", "name.") : null;
        if (before is not null && formatted is not null)
        {
            var displayChanged = !JsonNode.DeepEquals(ScimJson.Get(json, "displayName"), ScimJson.Get(before, "displayName"));
            var formattedChanged = !JsonNode.DeepEquals(ScimJson.Get(ScimJson.Get(json, "name") as JsonObject, "formatted"), ScimJson.Get(ScimJson.Get(before, "name") as JsonObject, "formatted"));
            if (formattedChanged && !displayChanged)
            {
                return formatted;
            }
        }
        return string.IsNullOrEmpty(display) ? formatted : display;
    }

    /// <summary>The primary email, else the work one, else the first.</summary>
    private static string? ReadEmail(Reader reader, JsonObject json)
    {
        if (reader.Elements(json, "emails") is not { Count: > 0 } emails)
        {
            return null;
        }
        var chosen = emails.FirstOrDefault(e => ScimJson.Get(e, "primary") is JsonValue p && p.GetValueKind() == JsonValueKind.True)
            ?? emails.FirstOrDefault(e => ScimJson.Get(e, "type") is JsonValue t && t.GetValueKind() == JsonValueKind.String && string.Equals(t.GetValue<string>(), "work", StringComparison.OrdinalIgnoreCase))
            ?? emails[0];
        return reader.Text(chosen, "value", "emails.");
    }
}
