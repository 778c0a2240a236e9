using System.Net;
using System.Net.Sockets;
using Provisioning.Hosting;

namespace Provisioning.Server.Hosting;

/// <summary>
/// Binds each configured port once before Kestrel does: a port in use then stops the start with a line naming the
/// setting, where the host would log the bind failure with its stack trace first.
/// </summary>
internal static class PortCheck
{
    public static void EnsureFree(ProvisioningSettings settings, IPAddress address)
    {
        if (settings.PortRangeStart != 0)
        {
            foreach (var version in settings.ParseVersions())
            {
                EnsureFree(address, settings.PortRangeStart + version, $"Provisioning:PortRangeStart is {settings.PortRangeStart}, so API version {version} listens on");
            }
        }
        var management = settings.Management.PortFor(settings.PortRangeStart);
        if (settings.Management.Enabled && management != 0)
        {
            EnsureFree(address, management, settings.Management.Port is null
                ? $"Provisioning:PortRangeStart is {settings.PortRangeStart}, so Provisioning:Management:Port (unset) is"
                : "Provisioning:Management:Port is");
        }
    }

    private static void EnsureFree(IPAddress address, int port, string setting)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"{setting} port {port}, and {address}:{port} cannot be bound: {e.Message}", e);
        }
    }
}
