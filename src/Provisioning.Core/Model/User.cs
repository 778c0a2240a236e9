namespace Provisioning.Core.Model;

/// <summary>
/// A user of an environment. The same record carries input (where <see cref="Tenant"/> is what the caller named)
/// and output (where it is the environment the user belongs to). The password never appears here.
/// </summary>
public sealed record User
{
    public long? Id { get; init; }

    /// <summary>The environment's internal id; set on output and inside the services, never read from the wire.</summary>
    public long TenantId { get; init; }

    public TenantRef Tenant { get; init; }

    public string? LoginName { get; init; }

    public string? DisplayName { get; init; }

    public string? Email { get; init; }

    public string? CrmUserId { get; init; }

    public string? Language { get; init; }

    public string? TimeZone { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidTo { get; init; }

    public bool? Locked { get; init; }

    public bool? NonModifiable { get; init; }

    public bool? PasswordExpires { get; init; }

    public bool? NeedChangePassword { get; init; }

    public long? ObserverUserId { get; init; }

    public long? ObserverGroupId { get; init; }

    public UserType? UserType { get; init; }

    public string? RecorderLinePin { get; init; }

    public string? AgentId { get; init; }

    public bool? ApiAccessOnly { get; init; }

    public string? CustomDateFormat { get; init; }

    public string? CustomTimeFormat { get; init; }

    public string? ExternalId { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<string> Customs { get; init; } = [];

    public IReadOnlyList<Extension> Extensions { get; init; } = [];

    public IReadOnlyList<GroupMembership> Memberships { get; init; } = [];
}
