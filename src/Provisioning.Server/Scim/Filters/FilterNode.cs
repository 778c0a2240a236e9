namespace Provisioning.Server.Scim.Filters;

/// <summary>A parsed SCIM filter (RFC 7644 §3.4.2.2): comparisons joined by and, or, not, and value paths.</summary>
internal abstract record FilterNode
{
    /// <summary>attrPath op value, or attrPath pr (<see cref="Value"/> unused). The value is a string, bool, decimal or null.</summary>
    public sealed record Compare(AttributePath Path, string Operator, object? Value) : FilterNode;

    public sealed record And(FilterNode Left, FilterNode Right) : FilterNode;

    public sealed record Or(FilterNode Left, FilterNode Right) : FilterNode;

    public sealed record Not(FilterNode Inner) : FilterNode;

    /// <summary>attrPath[filter]: some element of the multi-valued attribute matches the filter, whose paths are its sub-attributes.</summary>
    public sealed record ValuePath(AttributePath Path, FilterNode Filter) : FilterNode;
}
