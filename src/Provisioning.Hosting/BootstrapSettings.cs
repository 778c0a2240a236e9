namespace Provisioning.Hosting;

public sealed class BootstrapSettings
{
    public string AdminLogin { get; set; } = "admin";

    /// <summary>When unset on first start, a random password is generated and logged once.</summary>
    public string? AdminPassword { get; set; }
}
