using System.Text.Json.Nodes;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// sortBy and sortOrder (RFC 7644 §3.4.2.3) over resources as answered: userName and displayName ignoring case,
/// externalId exactly; resources without the attribute come last in either order; equal values keep id order.
/// </summary>
internal static class ScimSort
{
    /// <summary>The attributes a resource type sorts by, each with whether it compares case-exact.</summary>
    public static readonly IReadOnlyDictionary<string, bool> UserAttributes =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["userName"] = false, ["displayName"] = false, ["externalId"] = true };

    public static readonly IReadOnlyDictionary<string, bool> GroupAttributes =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["displayName"] = false };

    /// <summary>The attribute's name as the resource writes it, or an error naming the ones that sort.</summary>
    public static (string? Name, ScimError? Error) Check(string sortBy, IReadOnlyDictionary<string, bool> supported)
    {
        var path = AttributePath.Parse(sortBy);
        if (path is { Sub: null } && ScimSchemas.IsCore(path.Schema) && supported.Keys.FirstOrDefault(k => k.Equals(path.Name, StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return (name, null);
        }
        return (null, ScimError.InvalidValue($"sortBy: {sortBy} cannot be sorted by; sortBy may be {string.Join(", ", supported.Keys)}"));
    }

    public static JsonObject[] Sort(IEnumerable<JsonObject> resources, string name, bool caseExact, bool descending)
    {
        var comparer = caseExact ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var keyed = resources.Select(r => (Resource: r, Key: r[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null)).ToArray();
        var present = keyed.Where(k => k.Key is not null);
        var ordered = descending ? present.OrderByDescending(k => k.Key, comparer) : present.OrderBy(k => k.Key, comparer);
        return ordered.Concat(keyed.Where(k => k.Key is null)).Select(k => k.Resource).ToArray();
    }
}
