using System.Text.Json.Serialization;

namespace Provisioning.Server.Scim;

/// <summary>Serialisation metadata generated at build time for what SCIM writes outside its JSON nodes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class ScimJsonContext : JsonSerializerContext;
