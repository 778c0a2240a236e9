using System.Globalization;
using Provisioning.Server.Scim.Filters;

namespace Provisioning.Server.Scim;

/// <summary>The query of a list: filter, startIndex (from 1), count (0 asks only for the total) and the projection.</summary>
internal sealed record ScimListRequest(FilterNode? Filter, int StartIndex, int Count, ScimProjection Projection)
{
    public const int DefaultCount = 100;
    public const int MaxCount = 1000;

    public static (ScimListRequest? Request, ScimError? Error) From(IQueryCollection query)
    {
        FilterNode? filter = null;
        if (query["filter"].ToString() is { Length: > 0 } text)
        {
            var (parsed, problem) = FilterParser.Parse(text);
            if (parsed is null)
            {
                return (null, ScimError.InvalidFilter($"filter: {problem}"));
            }
            filter = parsed;
        }
        if (!Number(query["startIndex"].ToString(), 1, out var start) || !Number(query["count"].ToString(), DefaultCount, out var count))
        {
            return (null, ScimError.InvalidValue("startIndex and count must be integers"));
        }
        var (projection, error) = ScimProjection.Parse(query["attributes"].ToString(), query["excludedAttributes"].ToString());
        return projection is null
            ? (null, error)
            : (new ScimListRequest(filter, Math.Max(1, start), Math.Clamp(count, 0, MaxCount), projection), null);
    }

    private static bool Number(string text, int absent, out int value)
    {
        value = absent;
        return text.Length == 0 || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
