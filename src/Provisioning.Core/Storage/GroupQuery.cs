namespace Provisioning.Core.Storage;

/// <summary>The criteria of listGroups after the environment filter was resolved; null tenants means all.</summary>
public sealed record GroupQuery(IReadOnlyList<long>? TenantIds, TextMatch? Name);
