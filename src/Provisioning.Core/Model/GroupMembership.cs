namespace Provisioning.Core.Model;

/// <summary>A user's place in a group. Every user has exactly one primary membership.</summary>
public sealed record GroupMembership
{
    public long? Id { get; init; }

    public bool? Primary { get; init; }

    public bool? Member { get; init; }

    public bool? Admin { get; init; }

    public bool? Supervisor { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public long? UserId { get; init; }

    public long? GroupId { get; init; }

    public User? User { get; init; }

    public Group? Group { get; init; }
}
