namespace Provisioning.Hosting;

/// <summary>
/// The management listener (Provisioning:Management): /healthz, /readyz and /metrics on its own port, on the same
/// address as the API. Keep it off the public network.
/// </summary>
public sealed class ManagementSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>0 lets the system choose a free port.</summary>
    public int Port { get; set; } = 7080;
}
