namespace Provisioning.Core.Storage;

/// <summary>
/// The criteria of listUsers after the environment filter was resolved: <see cref="TenantIds"/> null means every
/// environment. <see cref="Inactive"/> selects users that are locked or outside their validity at <see cref="Now"/>.
/// </summary>
public sealed record UserQuery
{
    public IReadOnlyList<long>? TenantIds { get; init; }

    public long? UserId { get; init; }

    public TextMatch? LoginName { get; init; }

    public TextMatch? Extension { get; init; }

    public TextMatch? ExternalId { get; init; }

    public TextMatch? Group { get; init; }

    public TextMatch? Role { get; init; }

    public bool? Inactive { get; init; }

    public DateTimeOffset Now { get; init; }

    /// <summary>Only users with a greater id: paging through all of them in id order (export).</summary>
    public long? AfterId { get; init; }

    /// <summary>Leaves out the first so many users in id order: a page of a SCIM list (with a limit, never alone).</summary>
    public int Offset { get; init; }
}
