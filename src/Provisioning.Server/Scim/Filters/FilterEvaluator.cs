using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim.Filters;

/// <summary>
/// Evaluates a filter against a resource as this service writes it. A multi-valued attribute matches when one of its
/// values does; a complex one without a sub-attribute compares its "value". Strings compare ignoring case except the
/// attributes RFC 7643 makes caseExact here (id, externalId, meta, and the ids in members and groups).
/// </summary>
internal static class FilterEvaluator
{
    public static bool Matches(FilterNode filter, JsonObject resource) => filter switch
    {
        FilterNode.And and => Matches(and.Left, resource) && Matches(and.Right, resource),
        FilterNode.Or or => Matches(or.Left, resource) || Matches(or.Right, resource),
        FilterNode.Not not => !Matches(not.Inner, resource),
        FilterNode.ValuePath valuePath => Elements(resource, valuePath.Path).Any(e => e is JsonObject element && Matches(valuePath.Filter, element)),
        FilterNode.Compare compare => Compare(resource, compare),
        _ => false,
    };

    private static List<JsonNode?> Elements(JsonObject resource, AttributePath path)
    {
        var node = ScimJson.Get(ScimJson.Container(resource, path.Schema, create: false), path.Name);
        return node switch
        {
            null => [],
            JsonArray array => [.. array],
            _ => [node],
        };
    }

    private static IEnumerable<JsonNode?> Values(JsonObject resource, AttributePath path) =>
        Elements(resource, path).Select(e => path.Sub is { } sub ? ScimJson.Get(e as JsonObject, sub) : e is JsonObject o ? ScimJson.Get(o, "value") : e);

    private static bool Compare(JsonObject resource, FilterNode.Compare compare)
    {
        var values = Values(resource, compare.Path);
        if (compare.Operator == "pr")
        {
            return values.Any(ScimJson.IsPresent);
        }
        var exact = IsCaseExact(compare.Path);
        return compare.Operator == "ne"
            ? !values.Any(v => Test(v, "eq", compare.Value, exact))
            : values.Any(v => Test(v, compare.Operator, compare.Value, exact));
    }

    private static bool IsCaseExact(AttributePath path) =>
        path.Sub is null
            ? path.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || path.Name.Equals("externalId", StringComparison.OrdinalIgnoreCase)
                || path.Name.Equals("members", StringComparison.OrdinalIgnoreCase) || path.Name.Equals("groups", StringComparison.OrdinalIgnoreCase)
            : path.Name.Equals("meta", StringComparison.OrdinalIgnoreCase)
                || ((path.Name.Equals("members", StringComparison.OrdinalIgnoreCase) || path.Name.Equals("groups", StringComparison.OrdinalIgnoreCase))
                    && path.Sub.Equals("value", StringComparison.OrdinalIgnoreCase));

    private static bool Test(JsonNode? node, string op, object? literal, bool caseExact)
    {
        if (node is not JsonValue value)
        {
            return false;
        }
        return (value.GetValueKind(), literal) switch
        {
            (JsonValueKind.String, string text) => TestText(value.GetValue<string>(), op, text, caseExact ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase),
            (JsonValueKind.True or JsonValueKind.False, bool flag) => op == "eq" && value.GetValue<bool>() == flag,
            (JsonValueKind.Number, decimal number) => TestOrder(value.GetValue<decimal>().CompareTo(number), op),
            _ => false,
        };
    }

    private static bool TestText(string actual, string op, string expected, StringComparison comparison) => op switch
    {
        "eq" => string.Equals(actual, expected, comparison),
        "co" => actual.Contains(expected, comparison),
        "sw" => actual.StartsWith(expected, comparison),
        "ew" => actual.EndsWith(expected, comparison),
        _ => TestOrder(string.Compare(actual, expected, comparison), op),
    };

    private static bool TestOrder(int order, string op) => op switch
    {
        "eq" => order == 0,
        "gt" => order > 0,
        "ge" => order >= 0,
        "lt" => order < 0,
        "le" => order <= 0,
        _ => false,
    };

    /// <summary>For messages: a filter written back in the RFC's syntax.</summary>
    public static string Describe(FilterNode filter) => filter switch
    {
        FilterNode.And and => $"({Describe(and.Left)} and {Describe(and.Right)})",
        FilterNode.Or or => $"({Describe(or.Left)} or {Describe(or.Right)})",
        FilterNode.Not not => $"not ({Describe(not.Inner)})",
        FilterNode.ValuePath v => $"{v.Path}[{Describe(v.Filter)}]",
        FilterNode.Compare { Operator: "pr" } c => $"{c.Path} pr",
        FilterNode.Compare c => $"{c.Path} {c.Operator} {Literal(c.Value)}",
        _ => string.Empty,
    };

    private static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        _ => string.Empty,
    };
}
