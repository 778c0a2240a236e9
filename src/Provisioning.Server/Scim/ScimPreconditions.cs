using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>If-Match (RFC 7644 §3.14): the write goes ahead only when the resource is at a version the client names, or "*".</summary>
internal static class ScimPreconditions
{
    public static ScimError? Check(string? ifMatch, JsonObject current)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return null;
        }
        var version = ScimMeta.VersionIn(current);
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (tag == "*" || Opaque(tag) == Opaque(version))
            {
                return null;
            }
        }
        return new ScimError(StatusCodes.Status412PreconditionFailed, null, $"If-Match {ifMatch} does not name the current version {version}");
    }

    /// <summary>Compared weakly: W/"x" and "x" name one version.</summary>
    private static string? Opaque(string? tag) => tag is not null && tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
