using System.Globalization;
using System.Text.Json.Nodes;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>
/// The query of a list: filter, startIndex (from 1), count (0 asks only for the total), sortBy and sortOrder, and the
/// projection; from a GET's query string or the body of a POST to .search (RFC 7644 §3.4.3), which carry the same parameters.
/// </summary>
internal sealed record ScimListRequest(FilterNode? Filter, int StartIndex, int Count, ScimProjection Projection)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /// <summary>The attribute to sort by (null: id order), as the client named it.</summary>
    public string? SortBy { get; init; }

    public bool Descending { get; init; }

    public static (ScimListRequest? Request, ScimError? Error) From(IQueryCollection query) =>
        From(name => query[name].ToString());

    /// <summary>A SearchRequest body: its attributes lists are joined as the query string's comma lists; numbers may be JSON numbers.</summary>
    public static (ScimListRequest? Request, ScimError? Error) FromSearch(JsonNode? body)
    {
        if (body is not JsonObject search)
        {
            return (null, ScimError.InvalidSyntax("the body must be a JSON object, a SearchRequest"));
        }
        if (search["schemas"] is not JsonArray schemas || !schemas.Any(s => s is JsonValue v && v.TryGetValue<string>(out var urn) && urn == SearchRequest))
        {
            return (null, ScimError.InvalidSyntax($"schemas must list {SearchRequest}"));
        }
        string? problem = null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in search)
        {
            if (name.Equals("schemas", StringComparison.Ordinal) || value is null)
            {
                continue;
            }
            values[name] = value switch
            {
                JsonArray list when list.All(e => e is JsonValue v && v.TryGetValue<string>(out _)) => string.Join(",", list.Select(e => e!.GetValue<string>())),
                JsonValue v when v.TryGetValue<string>(out var text) => text,
                JsonValue v when v.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
                _ => Bad(ref problem, name),
            };
        }
        return problem is not null ? (null, ScimError.InvalidValue(problem)) : From(name => values.GetValueOrDefault(name, string.Empty));
    }

    private static (ScimListRequest? Request, ScimError? Error) From(Func<string, string> parameter)
    {
        FilterNode? filter = null;
        if (parameter("filter") is { Length: > 0 } text)
        {
            var (parsed, problem) = FilterParser.Parse(text);
            if (parsed is null)
            {
                return (null, ScimError.InvalidFilter($"filter: {problem}"));
            }
            filter = parsed;
        }
        if (!Number(parameter("startIndex"), 1, out var start) || !Number(parameter("count"), DefaultCount, out var count))
        {
            return (null, ScimError.InvalidValue("startIndex and count must be integers"));
        }
        var order = parameter("sortOrder");
        if (order.Length > 0 && !order.Equals("ascending", StringComparison.OrdinalIgnoreCase) && !order.Equals("descending", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ScimError.InvalidValue($"sortOrder must be ascending or descending, not {order}"));
        }
        var (projection, error) = ScimProjection.Parse(parameter("attributes"), parameter("excludedAttributes"));
        return projection is null
            ? (null, error)
            : (new ScimListRequest(filter, Math.Max(1, start), Math.Clamp(count, 0, MaxCount), projection)
            {
                SortBy = parameter("sortBy") is { Length: > 0 } sortBy ? sortBy : null,
                Descending = order.Equals("descending", StringComparison.OrdinalIgnoreCase),
            }, null);
    }

    private static string Bad(ref string? problem, string name)
    {
        problem ??= $"{name} must be a string, a number or a list of strings";
        return string.Empty;
    }

    private static bool Number(string text, int absent, out int value)
    {
        value = absent;
        return text.Length == 0 || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
