using Provisioning.Core.Model;

namespace Provisioning.Core.Storage;

/// <summary>The criteria of listExtensions after the environment filter was resolved; null tenants means all. Results are in id order.</summary>
public sealed record ExtensionQuery(IReadOnlyList<long>? TenantIds, TextMatch? Address, long? UserId)
{
    /// <summary>Only extensions with a greater id: paging through all of them in id order (export).</summary>
    public long? AfterId { get; init; }

    /// <summary>Only extensions recorded in this mode (the console's search).</summary>
    public RecordingMode? Mode { get; init; }

    /// <summary>
    /// Walk the primary key and check the environment per row, stopping at the limit: a page in id order then costs the
    /// same at any depth and for any filter, instead of reading every extension of the environment and sorting them.
    /// </summary>
    public bool ByKey { get; init; }
}
