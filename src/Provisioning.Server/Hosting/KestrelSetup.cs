using Microsoft.AspNetCore.Server.Kestrel.Core;
using Provisioning.Hosting;

namespace Provisioning.Server.Hosting;

/// <summary>Kestrel's listeners and limits from the settings: one listener per API version, one for management.</summary>
internal static class KestrelSetup
{
    public static void Configure(KestrelServerOptions kestrel, ProvisioningSettings settings, ListenTemplate template, IReadOnlyList<int> versions, VersionListeners listeners)
    {
        kestrel.AddServerHeader = false;
        var limits = settings.Limits;
        kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBytes;
        kestrel.Limits.RequestHeadersTimeout = limits.RequestHeadersTimeout;
        kestrel.Limits.KeepAliveTimeout = limits.KeepAliveTimeout;
        kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(limits.MinRequestBodyBytesPerSecond, TimeSpan.FromSeconds(5));
        foreach (var version in versions)
        {
            var port = settings.PortRangeStart == 0 ? 0 : settings.PortRangeStart + version;
            kestrel.Listen(template.Address, port, listen =>
            {
                Stamp(listen, VersionListeners.VersionItem, version);
                HttpsSetup.Apply(listen, template, settings.Https);
                listeners.Add(version, listen);
            });
        }
        if (settings.Management.Enabled)
        {
            kestrel.Listen(template.Address, settings.Management.PortFor(settings.PortRangeStart), listen =>
            {
                Stamp(listen, VersionListeners.ManagementItem, true);
                listeners.AddManagement(listen);
            });
        }
    }

    /// <summary>Marks every connection of a listener, so requests are routed by the listener they arrived on.</summary>
    private static void Stamp(ListenOptions listen, string item, object value) => listen.Use(next => connection =>
    {
        connection.Items[item] = value;
        return next(connection);
    });
}
