using System.ComponentModel;

namespace Provisioning.Hosting;

/// <summary>
/// The management listener (Provisioning:Management): /healthz, /readyz and /metrics on its own port, on the same
/// address as the API. Keep it off the public network.
/// </summary>
public sealed class ManagementSettings
{
    /// <summary>Added to PortRangeStart when no port is set, as the versions' ports are: 7080 by default.</summary>
    public const int PortOffset = 80;

    public bool Enabled { get; set; } = true;

    /// <summary>0 lets the system choose a free port; unset follows PortRangeStart, so instances with different ranges on one host do not collide.</summary>
    [Description("PortRangeStart + 80, or 0 when PortRangeStart is 0")]
    public int? Port { get; set; }

    public int PortFor(int portRangeStart) => Port ?? (portRangeStart == 0 ? 0 : portRangeStart + PortOffset);
}
