using System.Text.Json.Serialization;

namespace Provisioning.Core.Model;

/// <summary>How input names an environment: by eid, by short name, or both (then they must agree).</summary>
public readonly record struct TenantRef(string? Eid, string? ShortName)
{
    public static TenantRef None => default;

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrEmpty(Eid) && string.IsNullOrEmpty(ShortName);

    public override string ToString() => !string.IsNullOrEmpty(Eid) ? Eid : ShortName ?? string.Empty;
}
