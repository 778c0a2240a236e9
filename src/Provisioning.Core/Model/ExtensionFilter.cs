namespace Provisioning.Core.Model;

/// <summary>The filter of listExtensions.</summary>
public sealed record ExtensionFilter(TenantFilter? Environment, string? Extension, bool? ExtensionExact, long? UserId);
