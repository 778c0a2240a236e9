namespace Provisioning.Core.Model;

/// <summary>
/// What happens to an environment's recordings, and when (spec §8). The server stores and serves it and moves no media;
/// <see cref="CallFilter"/> is the vendor's SQL WHERE fragment, kept as opaque text and never executed.
/// </summary>
public sealed record StoragePolicy
{
    public long? Id { get; init; }

    /// <summary>The environment's internal id; set on output and inside the services, never read from the wire.</summary>
    public long TenantId { get; init; }

    public TenantRef Tenant { get; init; }

    public string? Name { get; init; }

    /// <summary>One of <see cref="StorageNames.Actions"/>, in lower case once checked.</summary>
    public string? Action { get; init; }

    public string? CallFilter { get; init; }

    public bool? CustomSql { get; init; }

    public bool? Decrypt { get; init; }

    public bool? Enabled { get; init; }

    public string? EngineId { get; init; }

    public bool? FirstTranscode { get; init; }

    public string? Format { get; init; }

    public bool? KeepCdr { get; init; }

    public string? LanguageId { get; init; }

    public bool? MoveToRecycleBin { get; init; }

    public int? OlderThanMinutes { get; init; }

    public int? OlderThanYears { get; init; }

    public bool? OnlyForArchived { get; init; }

    public int? Priority { get; init; }

    /// <summary>The folder's id: all that input gives of it.</summary>
    public long? FolderId { get; init; }

    /// <summary>The folder as stored; output only.</summary>
    public StorageFolder? Folder { get; init; }
}
