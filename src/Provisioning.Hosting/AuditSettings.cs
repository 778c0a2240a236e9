using System.ComponentModel;

namespace Provisioning.Hosting;

public sealed class AuditSettings
{
    /// <summary>How long audit entries are kept before the server archives and removes them, e.g. 400.00:00:00; unset keeps them for ever.</summary>
    [Description("keep for ever")]
    public TimeSpan? Retention { get; set; }

    /// <summary>Where the server writes the archive files of entries past retention; needed with Retention.</summary>
    [Description("unset; needed with Retention")]
    public string? ArchiveDirectory { get; set; }
}
