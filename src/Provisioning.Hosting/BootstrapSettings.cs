using System.ComponentModel;

namespace Provisioning.Hosting;

public sealed class BootstrapSettings
{
    public string AdminLogin { get; set; } = "admin";

    /// <summary>When unset on first start, a random password is generated and written to <see cref="PasswordFile"/>.</summary>
    [Description("generated on first start and written to PasswordFile")]
    public string? AdminPassword { get; set; }

    /// <summary>Where a generated password is written (mode 0600).</summary>
    [Description("initial-admin-password beside the SQLite file; in the working directory for PostgreSQL")]
    public string? PasswordFile { get; set; }
}
