namespace Provisioning.Core.Model;

/// <summary>The filter of listGroups.</summary>
public sealed record GroupFilter(TenantFilter? Environment, string? Name, bool? NameExact);
