namespace Provisioning.Core.Model;

/// <summary>The wire's UserFilter.</summary>
public sealed record UserFilter
{
    public long? UserId { get; init; }

    public bool? JustCount { get; init; }

    public TenantFilter? Environment { get; init; }

    public string? LoginName { get; init; }

    public bool? LoginNameExact { get; init; }

    public string? Extension { get; init; }

    public bool? ExtensionExact { get; init; }

    public string? ExternalId { get; init; }

    public bool? ExternalIdExact { get; init; }

    public string? Group { get; init; }

    public bool? GroupExact { get; init; }

    public string? Role { get; init; }

    public bool? RoleExact { get; init; }

    public bool? SkipExtensions { get; init; }

    public bool? SkipGroups { get; init; }

    public bool? SkipRoles { get; init; }

    public bool? Inactive { get; init; }
}
