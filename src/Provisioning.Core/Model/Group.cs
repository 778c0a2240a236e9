namespace Provisioning.Core.Model;

/// <summary>A group of users of one environment; each environment has one default group that cannot be deleted.</summary>
public sealed record Group
{
    public long? Id { get; init; }

    /// <summary>The environment's internal id; set on output and inside the services, never read from the wire.</summary>
    public long TenantId { get; init; }

    public TenantRef Tenant { get; init; }

    public string? Name { get; init; }

    public bool? NonModifiable { get; init; }

    public bool IsDefault { get; init; }

    public IReadOnlyList<GroupMembership> Members { get; init; } = [];
}
