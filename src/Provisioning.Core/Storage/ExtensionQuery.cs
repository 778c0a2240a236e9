using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>The criteria of listExtensions after the environment filter was resolved; null tenants means all. Results are in id order.</summary>
public sealed record ExtensionQuery(IReadOnlyList<long>? TenantIds, TextMatch? Address, long? UserId)
{
    /// <summary>Only extensions with a greater id: paging through all of them in id order (export).</summary>
    public long? AfterId { get; init; }

    /// <summary>Only extensions recorded in this mode (the console's search).</summary>
    public RecordingMode? Mode { get; init; }
}
