namespace Provisioning.Core.Storage;

/// <summary>The criteria of listExtensions after the environment filter was resolved; null tenants means all.</summary>
public sealed record ExtensionQuery(IReadOnlyList<long>? TenantIds, TextMatch? Address, long? UserId);
