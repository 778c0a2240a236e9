using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Primitives;

namespace Provisioning.Server.Http;

/// <summary>
/// The scheme, host, port and path prefix a client used, as a known proxy reports them in X-Forwarded-Proto, -Host,
/// -Port and -Prefix. Only the first entry of each counts (chained proxies append theirs after the client's), and a
/// value that is not a plain scheme, host name or address, port or path is ignored, so a header can never put markup
/// or another URL part into the WSDL.
/// </summary>
internal static class ForwardedOrigin
{
    /// <summary>"scheme://host[:port]/prefix" without a trailing slash, or null when the request carries no X-Forwarded-* header.</summary>
    public static string? From(HttpRequest request)
    {
        var headers = request.Headers;
        var proto = First(headers["X-Forwarded-Proto"]);
        var forwardedHost = First(headers["X-Forwarded-Host"]);
        var forwardedPort = First(headers["X-Forwarded-Port"]);
        var forwardedPrefix = First(headers["X-Forwarded-Prefix"]);
        if (proto is null && forwardedHost is null && forwardedPort is null && forwardedPrefix is null)
        {
            return null;
        }
        var scheme = string.Equals(proto, "https", StringComparison.OrdinalIgnoreCase) ? "https"
            : string.Equals(proto, "http", StringComparison.OrdinalIgnoreCase) ? "http"
            : request.Scheme;
        var (host, port) = forwardedHost is not null && TryHost(forwardedHost, out var h, out var p)
            ? (h, p)
            : (request.Host.Host, request.Host.Port);
        if (forwardedPort is not null && TryPort(forwardedPort, out var explicitPort))
        {
            port = explicitPort;
        }
        var prefix = forwardedPrefix is not null && IsPath(forwardedPrefix) ? forwardedPrefix.TrimEnd('/') : "";
        var defaultPort = scheme == "https" ? 443 : 80;
        return port is null || port == defaultPort
            ? $"{scheme}://{host}{prefix}"
            : string.Create(CultureInfo.InvariantCulture, $"{scheme}://{host}:{port}{prefix}");
    }

    /// <summary>The first comma-separated entry of the first header line, or null when there is none.</summary>
    private static string? First(StringValues values)
    {
        if (values.Count == 0 || values[0] is not { } line)
        {
            return null;
        }
        var comma = line.IndexOf(',', StringComparison.Ordinal);
        var first = (comma < 0 ? line : line[..comma]).Trim();
        return first.Length == 0 ? null : first;
    }

    /// <summary>A DNS name, an IPv4 address or a bracketed IPv6 address, each with an optional port.</summary>
    private static bool TryHost(string value, out string host, out int? port)
    {
        host = value;
        port = null;
        string portPart;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(value[1..close], out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
            host = value[..(close + 1)];
            portPart = value[(close + 1)..];
        }
        else
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? value : value[..colon];
            portPart = colon < 0 ? "" : value[colon..];
            if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                return false;
            }
        }
        if (portPart.Length == 0)
        {
            return true;
        }
        if (portPart[0] != ':' || !TryPort(portPart[1..], out var parsed))
        {
            return false;
        }
        port = parsed;
        return true;
    }

    private static bool TryPort(string value, out int port) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535;

    /// <summary>An absolute path of unreserved characters, sub-delimiters, ':', '@' and well-formed percent escapes (RFC 3986 §3.3).</summary>
    private static bool IsPath(string value)
    {
        if (value[0] != '/')
        {
            return false;
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterOrDigit(c) && "-._~!$()*+;=:@/".IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }
        return true;
    }
}
