namespace Provisioning.Server.Scim.Filters;

/// <summary>The path of a PATCH operation (RFC 7644 §3.5.2): an attribute, optionally a filter on its values and a sub-attribute of those.</summary>
internal sealed record PatchPath(AttributePath Attribute, FilterNode? Filter, string? Sub);
