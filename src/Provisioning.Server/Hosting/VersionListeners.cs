using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Provisioning.Server.Hosting;

/// <summary>
/// One Kestrel listener per API version. Each stamps its connections with its version, so a request is dispatched by
/// the listener it arrived on; that also works when the system picked the port (PortRangeStart 0).
/// </summary>
public sealed class VersionListeners
{
    public const string VersionItem = "provisioning.version";
    public const string ManagementItem = "provisioning.management";
    private readonly Dictionary<int, ListenOptions> _listeners = [];
    private ListenOptions? _management;

    public void Add(int version, ListenOptions options) => _listeners[version] = options;

    public void AddManagement(ListenOptions options) => _management = options;

    /// <summary>The management port once started, or null when it is disabled.</summary>
    public int? ManagementPort => _management is null ? null : ((System.Net.IPEndPoint)_management.EndPoint).Port;

    /// <summary>The port each version listens on, once the server has started.</summary>
    public int PortOf(int version) => ((System.Net.IPEndPoint)_listeners[version].EndPoint).Port;

    public IEnumerable<int> Versions => _listeners.Keys;
}
