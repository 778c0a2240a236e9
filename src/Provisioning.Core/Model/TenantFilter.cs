namespace Provisioning.Core.Model;

/// <summary>The wire's EnvironmentFilter: eid and short name, each exact or a substring ignoring case, and inactive.</summary>
public sealed record TenantFilter(string? Eid, bool? EidExact, string? ShortName, bool? ShortNameExact, bool? Inactive)
{
    public static TenantFilter Any { get; } = new(null, null, null, null, null);

    public bool IsEmpty => string.IsNullOrEmpty(Eid) && string.IsNullOrEmpty(ShortName) && Inactive is null;
}
