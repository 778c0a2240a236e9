using System.Net;
using System.Net.Sockets;
using Provisioning.Hosting;

namespace Provisioning.Server.Http;

/// <summary>
/// The proxies whose forwarded headers are believed (Provisioning:ForwardedHeaders:KnownProxies). The client of a
/// request is its TCP peer unless that peer is a known proxy; then it is the nearest address in X-Forwarded-For that
/// is not a known proxy, read from the right, because only the entries our own proxies appended can be trusted.
/// </summary>
public sealed class TrustedProxies
{
    public const string Setting = "Provisioning:ForwardedHeaders:KnownProxies";

    private readonly IPNetwork[] _networks;

    public TrustedProxies(IEnumerable<IPNetwork> networks) => _networks = networks.ToArray();

    /// <summary>Reads the setting; an entry that is neither an address nor a CIDR network is a start-up error naming it.</summary>
    public static TrustedProxies From(ForwardedHeadersSettings settings)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (settings.KnownProxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new InvalidOperationException($"{Setting} has '{entry}', which is neither an IP address nor a CIDR network (e.g. 10.0.0.0/8).");
            }
        }
        return new TrustedProxies(networks);
    }

    /// <summary>Whether <paramref name="peer"/> is a known proxy (an IPv4 address seen as IPv6-mapped counts as IPv4).</summary>
    public bool IsTrusted(IPAddress? peer)
    {
        if (peer is null)
        {
            return false;
        }
        if (peer.IsIPv4MappedToIPv6)
        {
            peer = peer.MapToIPv4();
        }
        foreach (var network in _networks)
        {
            if (network.Contains(peer))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The address the login throttle counts under: an IPv4 address as it is, an IPv6 address as its /64 network, since
    /// one host is normally given a whole /64 and could otherwise take a fresh address for every five guesses.
    /// </summary>
    public static string ThrottleKey(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }
        if (client.AddressFamily != AddressFamily.InterNetworkV6 || client.IsIPv4MappedToIPv6)
        {
            return (client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client).ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        client.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The client's address: the TCP peer, or what known proxies say in X-Forwarded-For; null when unknown.</summary>
    public IPAddress? ClientAddress(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is { IsIPv4MappedToIPv6: true })
        {
            peer = peer.MapToIPv4();
        }
        if (!IsTrusted(peer))
        {
            return peer;
        }
        var forwarded = context.Request.Headers["X-Forwarded-For"];
        var client = peer;
        // Every header line, every comma-separated hop, right to left: the first hop that is not ours is the client.
        for (var line = forwarded.Count - 1; line >= 0; line--)
        {
            var hops = (forwarded[line] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            for (var i = hops.Length - 1; i >= 0; i--)
            {
                if (!IPAddress.TryParse(hops[i], out var hop))
                {
                    // An entry that is not an address ("unknown", a port-suffixed form) ends what can be believed.
                    return client;
                }
                client = hop.IsIPv4MappedToIPv6 ? hop.MapToIPv4() : hop;
                if (!IsTrusted(client))
                {
                    return client;
                }
            }
        }
        return client;
    }
}
