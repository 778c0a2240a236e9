using System.Text.Json.Nodes;

namespace Provisioning.Server.Scim;

/// <summary>A page of a list (RFC 7644 §3.4.2.4): the resources from startIndex on, and how many match in all.</summary>
internal sealed record ScimPage(IReadOnlyList<JsonObject> Resources, int TotalResults);
