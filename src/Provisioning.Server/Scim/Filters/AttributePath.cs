namespace Provisioning.Server.Scim.Filters;

/// <summary>
/// An attribute path of RFC 7644 §3.10: an optional schema URN, an attribute, an optional sub-attribute
/// ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "name.givenName", "emails").
/// </summary>
internal sealed record AttributePath(string? Schema, string Name, string? Sub)
{
    /// <summary>Parses one path; null when it is not one (empty parts, more than one dot after the schema).</summary>
    public static AttributePath? Parse(string text)
    {
        string? schema = null;
        var rest = text;
        var colon = text.LastIndexOf(':');
        if (colon >= 0)
        {
            schema = text[..colon];
            rest = text[(colon + 1)..];
            if (schema.Length == 0 || !schema.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }
        var parts = rest.Split('.');
        return parts switch
        {
            [var name] when IsName(name) => new AttributePath(schema, name, null),
            [var name, var sub] when IsName(name) && IsName(sub) => new AttributePath(schema, name, sub),
            _ => null,
        };
    }

    /// <summary>RFC 7643 §2.1: ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA; "$ref" is the one exception.</summary>
    public static bool IsName(string name) =>
        name == "$ref" || (name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));

    public override string ToString() => (Schema is null ? string.Empty : Schema + ":") + Name + (Sub is null ? string.Empty : "." + Sub);
}
