namespace Provisioning.Core.Audit;

/// <summary>How long audit entries are kept (none: for ever) and where the server archives those it removes.</summary>
public sealed record AuditOptions
{
    public TimeSpan? Retention { get; init; }

    public string? ArchiveDirectory { get; init; }
}
