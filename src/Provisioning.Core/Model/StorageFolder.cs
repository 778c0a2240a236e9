namespace Provisioning.Core.Model;

/// <summary>A place where an environment's recordings are archived or exported to (spec §8); stored and served, never written to by this server.</summary>
public sealed record StorageFolder
{
    public long? Id { get; init; }

    /// <summary>The environment's internal id; set on output and inside the services, never read from the wire.</summary>
    public long TenantId { get; init; }

    public TenantRef Tenant { get; init; }

    public string? Name { get; init; }

    public string? Path { get; init; }

    /// <summary>One of <see cref="StorageNames.FolderTypes"/>, in lower case once checked.</summary>
    public string? Type { get; init; }

    public bool? Enabled { get; init; }

    public string? Description { get; init; }
}
