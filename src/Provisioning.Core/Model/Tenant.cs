using System.Text.Json.Serialization;

namespace Provisioning.Core.Model;

/// <summary>A tenant, called an environment on the wire. The eid is chosen by the caller; the id is ours.</summary>
public sealed record Tenant
{
    public long Id { get; init; }

    public string? Eid { get; init; }

    public string? ShortName { get; init; }

    public string? DisplayName { get; init; }

    public string? HelpdeskUrl { get; init; }

    public bool Inactive { get; init; }

    public int? OndemandMaxCallAgeHoursInBuffer { get; init; }

    public int? OndemandMaxRowsInBufferPerUser { get; init; }

    public IReadOnlyList<int> Partitions { get; init; } = [];

    public int? ArchiveAtAgeHours { get; init; }

    public int? DeleteAtAgeHours { get; init; }

    public string? ArchivePath { get; init; }

    [JsonIgnore]
    public TenantRef Ref => new(Eid, ShortName);
}
