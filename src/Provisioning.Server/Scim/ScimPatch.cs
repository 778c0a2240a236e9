using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// PATCH (RFC 7644 §3.5.2) applied to a resource's JSON: add, replace and remove, with and without a path, value filters
/// on multi-valued attributes, and what Entra ID and Okta send besides (capitalised op names, path-less operations whose
/// keys are paths, remove with a value list). The result is then read as a PUT body would be, so both go one way.
/// </summary>
internal static class ScimPatch
{
    public const int MaxOperations = 1000;

    public static ScimError? Apply(JsonObject resource, JsonNode? body, IReadOnlySet<string> readOnly)
    {
        if (body is not JsonObject request)
        {
            return ScimError.InvalidSyntax("the body must be a PatchOp object");
        }
        if (ScimJson.Get(request, "schemas") is JsonArray schemas && !schemas.Any(s => s?.GetValueKind() == JsonValueKind.String && s.GetValue<string>() == ScimSchemas.PatchOp))
        {
            return ScimError.InvalidSyntax($"schemas must list {ScimSchemas.PatchOp}");
        }
        if (ScimJson.Get(request, "Operations") is not JsonArray { Count: > 0 and <= MaxOperations } operations)
        {
            return ScimError.InvalidSyntax($"Operations must be an array of 1 to {MaxOperations} operations");
        }
        foreach (var operation in operations)
        {
            if (Operation(resource, operation, readOnly) is { } error)
            {
                return error;
            }
        }
        return null;
    }

    private static ScimError? Operation(JsonObject resource, JsonNode? node, IReadOnlySet<string> readOnly)
    {
        if (node is not JsonObject operation || ScimJson.Get(operation, "op") is not JsonValue opValue || opValue.GetValueKind() != JsonValueKind.String)
        {
            return ScimError.InvalidSyntax("each operation must be an object with an op");
        }
        var op = opValue.GetValue<string>().ToLowerInvariant();
        if (op is not ("add" or "replace" or "remove"))
        {
            return ScimError.InvalidSyntax($"op '{opValue.GetValue<string>()}' is not add, replace or remove");
        }
        var value = ScimJson.Get(operation, "value");
        var pathNode = ScimJson.Get(operation, "path");
        if (pathNode is null)
        {
            return op == "remove" ? ScimError.NoTarget("remove needs a path") : PathLess(resource, op, value, readOnly);
        }
        if (pathNode is not JsonValue pathValue || pathValue.GetValueKind() != JsonValueKind.String)
        {
            return ScimError.InvalidPath("path must be a string");
        }
        var (path, problem) = FilterParser.ParsePath(pathValue.GetValue<string>());
        if (path is null)
        {
            return ScimError.InvalidPath($"path '{pathValue.GetValue<string>()}': {problem}");
        }
        if (op != "remove" && value is null)
        {
            return ScimError.InvalidSyntax($"{op} of '{path.Attribute}' needs a value");
        }
        return At(resource, op, path, value, readOnly);
    }

    /// <summary>Each key of the value is a path (Entra ID sends "name.givenName" as a key), an extension's URN holds its attributes.</summary>
    private static ScimError? PathLess(JsonObject resource, string op, JsonNode? value, IReadOnlySet<string> readOnly)
    {
        if (value is not JsonObject changes)
        {
            return ScimError.InvalidSyntax($"{op} without a path needs an object value");
        }
        foreach (var (key, item) in changes)
        {
            if (key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && item is JsonObject extension && !ScimSchemas.IsCore(key))
            {
                foreach (var (name, inner) in extension)
                {
                    if (PathLessOne(resource, op, $"{key}:{name}", inner, readOnly) is { } error)
                    {
                        return error;
                    }
                }
                continue;
            }
            if (PathLessOne(resource, op, key, item, readOnly) is { } failure)
            {
                return failure;
            }
        }
        return null;
    }

    private static ScimError? PathLessOne(JsonObject resource, string op, string key, JsonNode? value, IReadOnlySet<string> readOnly) =>
        AttributePath.Parse(key) is { } attribute
            ? At(resource, op, new PatchPath(attribute, null, null), value, readOnly)
            : ScimError.InvalidPath($"'{key}' is not an attribute path");

    private static ScimError? At(JsonObject resource, string op, PatchPath path, JsonNode? value, IReadOnlySet<string> readOnly)
    {
        var attribute = path.Attribute;
        if (ScimSchemas.IsCore(attribute.Schema) && readOnly.Contains(attribute.Name))
        {
            // Okta sends the group's own id in a path-less replace: setting a read-only attribute to what it is changes nothing.
            var unchanged = op != "remove" && attribute.Sub is null && path.Filter is null && JsonNode.DeepEquals(ScimJson.Get(resource, attribute.Name), value);
            return unchanged ? null : ScimError.Mutability($"{attribute.Name} is read-only");
        }
        if (attribute.Name.Equals("schemas", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var container = ScimJson.Container(resource, attribute.Schema, create: op != "remove");
        if (container is null)
        {
            return null;
        }
        return path.Filter is { } filter
            ? Filtered(container, op, attribute.Name, filter, path.Sub, value)
            : Plain(container, op, attribute.Name, attribute.Sub, value);
    }

    private static ScimError? Plain(JsonObject container, string op, string name, string? sub, JsonNode? value)
    {
        var existing = ScimJson.Get(container, name);
        if (sub is not null)
        {
            if (op == "remove")
            {
                foreach (var target in Targets(existing))
                {
                    ScimJson.Remove(target, sub);
                }
                return null;
            }
            if (existing is not JsonObject and not JsonArray)
            {
                existing = new JsonObject();
                ScimJson.Set(container, name, existing);
            }
            foreach (var target in Targets(existing))
            {
                ScimJson.Set(target, sub, value?.DeepClone());
            }
            return null;
        }
        switch (op)
        {
            case "remove" when existing is JsonArray list && value is JsonArray removed:
                RemoveValues(list, removed);
                return null;
            case "remove":
                ScimJson.Remove(container, name);
                return null;
            case "add" when existing is JsonArray list:
                Append(list, value);
                return null;
            case "add" or "replace" when existing is JsonObject complex && value is JsonObject given:
                foreach (var (key, item) in given)
                {
                    ScimJson.Set(complex, key, item?.DeepClone());
                }
                return null;
            default:
                ScimJson.Set(container, name, value?.DeepClone());
                return null;
        }
    }

    private static ScimError? Filtered(JsonObject container, string op, string name, FilterNode filter, string? sub, JsonNode? value)
    {
        var list = ScimJson.Get(container, name) as JsonArray;
        var matches = list?.OfType<JsonObject>().Where(e => FilterEvaluator.Matches(filter, e)).ToList() ?? [];
        if (op == "remove")
        {
            foreach (var match in matches)
            {
                if (sub is null)
                {
                    list!.Remove(match);
                }
                else
                {
                    ScimJson.Remove(match, sub);
                }
            }
            return null;
        }
        if (matches.Count == 0)
        {
            // Entra ID and Okta replace phoneNumbers[type eq "work"].value on users that have none yet: made from the filter's equalities.
            if (Equalities(filter) is not { } made)
            {
                return ScimError.NoTarget($"no value of {name} matches {FilterEvaluator.Describe(filter)}");
            }
            if (list is null)
            {
                list = [];
                ScimJson.Set(container, name, list);
            }
            list.Add(made);
            matches.Add(made);
        }
        foreach (var match in matches)
        {
            if (sub is not null)
            {
                ScimJson.Set(match, sub, value?.DeepClone());
                continue;
            }
            if (value is not JsonObject given)
            {
                return ScimError.InvalidValue($"{op} of {name}[{FilterEvaluator.Describe(filter)}] needs an object value");
            }
            foreach (var (key, item) in given)
            {
                ScimJson.Set(match, key, item?.DeepClone());
            }
        }
        return null;
    }

    private static IEnumerable<JsonObject> Targets(JsonNode? node) => node switch
    {
        JsonObject o => [o],
        JsonArray a => a.OfType<JsonObject>(),
        _ => [],
    };

    private static void Append(JsonArray list, JsonNode? value)
    {
        foreach (var item in value is JsonArray many ? many.ToList() : [value])
        {
            if (item is not null && !list.Any(e => SameValue(e, item)))
            {
                list.Add(item.DeepClone());
            }
        }
    }

    private static void RemoveValues(JsonArray list, JsonArray removed)
    {
        foreach (var element in list.ToList())
        {
            if (removed.Any(r => r is not null && SameValue(element, r)))
            {
                list.Remove(element);
            }
        }
    }

    /// <summary>Equal JSON, or complex values with equal "value" (ids of members compare exactly, other values ignoring case).</summary>
    private static bool SameValue(JsonNode? a, JsonNode b)
    {
        if (JsonNode.DeepEquals(a, b))
        {
            return true;
        }
        return ScimJson.Get(a as JsonObject, "value") is JsonValue x && ScimJson.Get(b as JsonObject, "value") is JsonValue y
            && x.GetValueKind() == JsonValueKind.String && y.GetValueKind() == JsonValueKind.String
            && string.Equals(x.GetValue<string>(), y.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A new element holding the filter's attr eq value terms (joined by and), or null when the filter is not such.</summary>
    private static JsonObject? Equalities(FilterNode filter)
    {
        var made = new JsonObject();
        return Collect(filter, made) ? made : null;

        static bool Collect(FilterNode node, JsonObject into) => node switch
        {
            FilterNode.And and => Collect(and.Left, into) && Collect(and.Right, into),
            FilterNode.Compare { Operator: "eq", Path.Sub: null, Path.Schema: null } c => Put(into, c.Path.Name, c.Value),
            _ => false,
        };

        static bool Put(JsonObject into, string name, object? value)
        {
            into[name] = value switch
            {
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                decimal d => JsonValue.Create(d),
                _ => null,
            };
            return true;
        }
    }
}
